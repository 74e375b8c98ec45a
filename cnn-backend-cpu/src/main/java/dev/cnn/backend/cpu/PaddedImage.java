package dev.cnn.backend.cpu;

/**
 * A convolution with padding and a horizontal stride of 1 run as one without: each image is copied into a buffer
 * with its zero border written out, so that lowering and folding take {@link UnpaddedPacking}'s table-driven paths
 * instead of testing every run against the padding. The padded geometry reads the same values in the same order, so
 * the results are those of the general lowering bit for bit.
 */
final class PaddedImage {
    private PaddedImage() {
    }

    /** Whether {@code d} has padding and a lowering on a padded copy runs without it. */
    static boolean applies(ConvDims d) {
        return (d.padH() > 0 || d.padW() > 0) && d.strideW() == 1;
    }

    /** The same convolution on the padded copy of its images: no padding, the copy's height and width. */
    static ConvDims unpadded(ConvDims d) {
        return new ConvDims(d.batch(), d.channels(), paddedHeight(d), paddedWidth(d), d.outputs(), d.kernelH(),
                d.kernelW(), d.outH(), d.outW(), d.strideH(), d.strideW(), 0, 0, d.dilationH(), d.dilationW());
    }

    /** Values in one padded image. */
    static int size(ConvDims d) {
        return d.channels() * paddedHeight(d) * paddedWidth(d);
    }

    /**
     * Copies image {@code in[inOff...]} into the interior of {@code padded}, whose border must already be zero (it
     * stays so: only the interior is ever written).
     */
    static void copyIn(float[] in, int inOff, ConvDims d, float[] padded) {
        int width = paddedWidth(d);
        int plane = paddedHeight(d) * width;
        for (int c = 0; c < d.channels(); c++) {
            int src = inOff + c * d.height() * d.width();
            int dst = c * plane + d.padH() * width + d.padW();
            for (int h = 0; h < d.height(); h++, src += d.width(), dst += width) {
                ConvPacking.copyRun(in, src, padded, dst, d.width());
            }
        }
    }

    /** Adds the interior of {@code padded} onto image {@code out[outOff...]}: a fold's result without its border. */
    static void addOut(float[] padded, ConvDims d, float[] out, int outOff) {
        int width = paddedWidth(d);
        int plane = paddedHeight(d) * width;
        for (int c = 0; c < d.channels(); c++) {
            int dst = outOff + c * d.height() * d.width();
            int src = c * plane + d.padH() * width + d.padW();
            for (int h = 0; h < d.height(); h++, src += width, dst += d.width()) {
                ConvPacking.addRun(padded, src, out, dst, d.width());
            }
        }
    }

    private static int paddedHeight(ConvDims d) {
        return d.height() + 2 * d.padH();
    }

    private static int paddedWidth(ConvDims d) {
        return d.width() + 2 * d.padW();
    }
}
