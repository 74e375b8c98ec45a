package dev.cnn.backend.cpu;

/**
 * Where a convolution's filter taps read on a "wide" output grid, and the buffer they read from. Each image is copied
 * once, with its zero border written out, into {@code strideH * strideW} phase images: phase {@code (a, b)} holds the
 * padded pixels {@code (strideH * y + a, strideW * x + b)}. Tap {@code (c, ki, kj)} of output {@code (oh, ow)} then
 * reads phase {@code (ki % strideH, kj % strideW)} at {@code (oh + ki / strideH, ow + kj / strideW)}, so for
 * consecutive outputs of a row it reads consecutive floats. Wide rows are as long as a phase row; the positions at the
 * end of each that hold no output read across the border and are dropped. With stride 1 there is one phase: the
 * padded image itself.
 *
 * @param phaseW        floats in one row of a phase image (and of the wide grid)
 * @param phaseH        rows of a phase image
 * @param channelStride floats between channels of one phase
 * @param phaseStride   floats between phases
 */
record WideGrid(ConvDims d, int phaseW, int phaseH, int channelStride, int phaseStride) {

    static WideGrid of(ConvDims d) {
        int phaseH = ceilDiv(d.height() + 2 * d.padH(), d.strideH());
        int phaseW = ceilDiv(d.width() + 2 * d.padW(), d.strideW());
        int plane = phaseH * phaseW;
        // Planes that are a multiple of 64 floats (14x14 maps padded to 16x16) put the rows that one tile reads of
        // every fourth channel in the same sets of the L1 cache: vgg-small's 14x14 forward ran at 24 GFLOP/s, 58 at 28x28.
        int channelStride = plane % 64 == 0 ? plane + 16 : plane;
        return new WideGrid(d, phaseW, phaseH, channelStride, d.channels() * channelStride);
    }

    /** Positions of the wide grid up to the last output: every row but the last is whole. */
    int positions() {
        return (d.outH() - 1) * phaseW + d.outW();
    }

    /** Floats of one image's phases plus the slack that a last tile of {@code nr} positions reads past their end. */
    int bufferSize(int nr) {
        return d.strideH() * d.strideW() * phaseStride + phaseW + nr;
    }

    /** Where tap {@code (ki, kj)} of channel 0 reads for wide position 0; channel {@code c} is {@code c * channelStride} further. */
    int tapShift(int ki, int kj) {
        int phase = ki % d.strideH() * d.strideW() + kj % d.strideW();
        return phase * phaseStride + ki / d.strideH() * phaseW + kj / d.strideW();
    }

    /** For each tap {@code (c, ki, kj)} in filter order, where it reads for wide position 0, in this thread's index buffer. */
    int[] tapOffsets() {
        int[] taps = Scratch.ints(d.patchSize());
        int r = 0;
        for (int c = 0; c < d.channels(); c++) {
            for (int ki = 0; ki < d.kernelH(); ki++) {
                for (int kj = 0; kj < d.kernelW(); kj++) {
                    taps[r++] = c * channelStride + tapShift(ki, kj);
                }
            }
        }
        return taps;
    }

    /**
     * Copies image {@code in[inOff...]} into its phases in {@code buffer}, whose other floats (the border) must be zero
     * and stay so.
     */
    void copyIn(float[] in, int inOff, float[] buffer) {
        int sh = d.strideH();
        int sw = d.strideW();
        for (int c = 0; c < d.channels(); c++) {
            for (int h = 0; h < d.height(); h++) {
                int row = h + d.padH();
                int src = inOff + (c * d.height() + h) * d.width();
                int rowStart = row % sh * sw * phaseStride + c * channelStride + row / sh * phaseW;
                if (sw == 1) {
                    ConvPacking.copyRun(in, src, buffer, rowStart + d.padW(), d.width());
                    continue;
                }
                if (sw == 2) {
                    copyRowToTwoPhases(in, src, buffer, rowStart);
                    continue;
                }
                for (int phase = 0; phase < sw; phase++) {
                    int first = Math.floorMod(phase - d.padW(), sw);
                    int dst = rowStart + phase * phaseStride + (first + d.padW()) / sw;
                    for (int w = first; w < d.width(); w += sw) {
                        buffer[dst++] = in[src + w];
                    }
                }
            }
        }
    }

    /**
     * One image row into the two column phases of stride 2, a pair of pixels at a time: the loop over the row with a
     * division per pixel took 40% of resnet-small's stride-2 forward (1.37 ms for a batch of 64 16x28x28 images, 0.68
     * ms this way).
     */
    private void copyRowToTwoPhases(float[] in, int src, float[] buffer, int rowStart) {
        int padW = d.padW();
        int first = rowStart + (padW & 1) * phaseStride + (padW >> 1);
        int second = rowStart + ((padW + 1) & 1) * phaseStride + ((padW + 1) >> 1);
        int width = d.width();
        int w = 0;
        for (int j = 0; w + 1 < width; w += 2, j++) {
            buffer[first + j] = in[src + w];
            buffer[second + j] = in[src + w + 1];
        }
        if (w < width) {
            buffer[first + (w >> 1)] = in[src + w];
        }
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }
}
