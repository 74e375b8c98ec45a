package dev.cnn.backend.nd4j;

import dev.cnn.api.backend.PoolGeometry;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Pooling that libnd4j's ops do not express, run on an explicitly padded copy of the input with padding 0 given to
 * the op: ceil mode (the copy is padded on the bottom and right until the last window fits) and averages that count
 * the padding. A max pads with negative infinity, which never wins; an average pads with zeros, takes the op's mean
 * of each window, which then lies wholly inside the copy, and rescales it to the geometry's
 * {@link PoolGeometry#divisor}. Backward runs the op's gradient on the copy and crops it.
 */
final class ExplicitPooling {
    private static final int[] SPATIAL_AXES = {2, 3};

    private ExplicitPooling() {
    }

    /** Whether {@code g} needs this path: ceil mode, or an average counting its padding. */
    static boolean needed(PoolGeometry g, boolean average) {
        return g.ceilMode() || average && g.countIncludePad() && (g.padH() > 0 || g.padW() > 0);
    }

    /** The same window and stride, padding 0, rounding down: what the op runs on the padded copy. */
    static PoolGeometry onCopy(PoolGeometry g) {
        return new PoolGeometry(g.kernelH(), g.kernelW(), g.strideH(), g.strideW(), 0, 0);
    }

    /** {@code x} padded by the geometry's padding, and below and on the right until every window fits. */
    static INDArray padded(INDArray x, PoolGeometry g, float value) {
        int h = Math.toIntExact(x.size(2));
        int w = Math.toIntExact(x.size(3));
        return SpatialPadding.pad(x, g.padH(), extent(h, g.padH(), g.outputHeight(h), g.kernelH(), g.strideH()) - h
                - g.padH(), g.padW(), extent(w, g.padW(), g.outputWidth(w), g.kernelW(), g.strideW()) - w - g.padW(),
                value);
    }

    /**
     * How many cells the padded copy spans along an axis: at least the input and its leading padding, and as far as
     * the last window reaches (past the trailing padding in ceil mode), but not so far that the op, rounding down,
     * would find one window more.
     */
    private static int extent(int size, int pad, int out, int kernel, int stride) {
        return Math.max(size + pad, (out - 1) * stride + kernel);
    }

    /** {@code [Ho, Wo]}: per window, its cell count over the geometry's divisor (the op divides by the cell count). */
    static INDArray rescale(PoolGeometry g, int height, int width, int outH, int outW) {
        float[] factors = new float[outH * outW];
        float cells = g.kernelH() * g.kernelW();
        for (int oh = 0; oh < outH; oh++) {
            for (int ow = 0; ow < outW; ow++) {
                factors[oh * outW + ow] = cells / g.divisor(height, width, oh, ow);
            }
        }
        return Nd4j.create(factors, new long[] {outH, outW}, 'c');
    }

    /** {@code values} times {@code factors} over the spatial axes, as a new array. */
    static INDArray times(INDArray values, INDArray factors) {
        return Broadcast.mul(values, factors, Nd4j.createUninitialized(DataType.FLOAT, values.shape()), SPATIAL_AXES);
    }
}
