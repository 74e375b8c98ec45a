package dev.cnn.backend.nd4j;

import dev.cnn.api.tensor.Shape;

/**
 * Depthwise convolution expressed as a full one, for the dilated kernels libnd4j's depthwise ops cannot run (its own
 * {@code depthwise_conv2d} and {@code depthwise_conv2d_bp} fail on degenerate shapes, a single output position, one
 * channel: "MmulHelper::dot: Z array must be scalar"; its oneDNN ones on dilation): the equivalent {@code conv2d}
 * with the same geometry, the filter {@code [C, M, kH, kW]} becoming {@code [C M, C, kH, kW]}, zero off each kernel's
 * own input channel; the convolution takes care of the dilation ({@link DilatedFilter}). It costs C times the
 * multiplications of a direct depthwise kernel but is exact.
 */
final class DepthwiseAsFull {
    private DepthwiseAsFull() {
    }

    /** The full filter's shape for a depthwise {@code filter}. */
    static Shape fullShape(Shape filter) {
        return Shape.of(filter.dim(0) * filter.dim(1), filter.dim(0), filter.dim(2), filter.dim(3));
    }

    /** The full filter's values. */
    static float[] expand(float[] depthwise, Shape filter) {
        float[] out = new float[fullShape(filter).size()];
        forEachTap(filter, (from, to) -> out[to] = depthwise[from]);
        return out;
    }

    /** The depthwise filter's gradient, taken from the full filter's gradient at the taps. */
    static float[] gather(float[] fullGradient, Shape filter) {
        float[] out = new float[filter.size()];
        forEachTap(filter, (from, to) -> out[from] = fullGradient[to]);
        return out;
    }

    private interface TapMap {
        void map(int depthwiseIndex, int fullIndex);
    }

    private static void forEachTap(Shape filter, TapMap map) {
        int c = filter.dim(0);
        int m = filter.dim(1);
        int taps = filter.dim(2) * filter.dim(3);
        for (int ch = 0; ch < c; ch++) {
            for (int k = 0; k < m; k++) {
                int out = ch * m + k;
                for (int t = 0; t < taps; t++) {
                    map.map(out * taps + t, (out * c + ch) * taps + t);
                }
            }
        }
    }
}
