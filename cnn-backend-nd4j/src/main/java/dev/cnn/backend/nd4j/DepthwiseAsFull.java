package dev.cnn.backend.nd4j;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;

/**
 * Depthwise convolution expressed as a full one, for the dilated kernels libnd4j's depthwise ops cannot run (its own
 * {@code depthwise_conv2d} and {@code depthwise_conv2d_bp} fail on degenerate shapes, a single output position, one
 * channel: "MmulHelper::dot: Z array must be scalar"; its oneDNN ones on dilation): the equivalent {@code conv2d}, the
 * filter {@code [C, M, kH, kW]} becoming {@code [C M, C, spanH, spanW]}, zero off each kernel's own input channel and
 * between dilated taps. It costs C times the multiplications of a direct depthwise kernel but is exact.
 */
final class DepthwiseAsFull {
    private DepthwiseAsFull() {
    }

    /** The full filter's shape for a depthwise {@code filter} and dilation. */
    static Shape fullShape(Shape filter, ConvGeometry g) {
        return Shape.of(filter.dim(0) * filter.dim(1), filter.dim(0), span(filter.dim(2), g.dilationH()),
                span(filter.dim(3), g.dilationW()));
    }

    /** The same stride and padding without dilation: the dilation is in the full filter's zeros. */
    static ConvGeometry undilated(ConvGeometry g) {
        return new ConvGeometry(g.strideH(), g.strideW(), g.padH(), g.padW());
    }

    /** The full filter's values. */
    static float[] expand(float[] depthwise, Shape filter, ConvGeometry g) {
        Shape full = fullShape(filter, g);
        float[] out = new float[full.size()];
        forEachTap(filter, g, (from, to) -> out[to] = depthwise[from]);
        return out;
    }

    /** The depthwise filter's gradient, taken from the full filter's gradient at the taps. */
    static float[] gather(float[] fullGradient, Shape filter, ConvGeometry g) {
        float[] out = new float[filter.size()];
        forEachTap(filter, g, (from, to) -> out[from] = fullGradient[to]);
        return out;
    }

    private interface TapMap {
        void map(int depthwiseIndex, int fullIndex);
    }

    private static void forEachTap(Shape filter, ConvGeometry g, TapMap map) {
        int c = filter.dim(0);
        int m = filter.dim(1);
        int kh = filter.dim(2);
        int kw = filter.dim(3);
        int sh = span(kh, g.dilationH());
        int sw = span(kw, g.dilationW());
        for (int ch = 0; ch < c; ch++) {
            for (int k = 0; k < m; k++) {
                int out = ch * m + k;
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        map.map(((ch * m + k) * kh + i) * kw + j,
                                ((out * c + ch) * sh + i * g.dilationH()) * sw + j * g.dilationW());
                    }
                }
            }
        }
    }

    private static int span(int taps, int dilation) {
        return (taps - 1) * dilation + 1;
    }
}
