package dev.cnn.backend.cpu;

import dev.cnn.backend.cpu.DepthwiseKernels.Dims;
import dev.cnn.backend.cpu.Scratch.Slot;
import java.util.Arrays;

/**
 * Depthwise convolutions with stride and dilation 1 on a wide grid, as {@link WideConvolution} does for full ones: each
 * channel of an image is copied once into a zero-bordered plane, and a vector of outputs on the wide grid sums its
 * taps, the plane shifted by each, in a register ({@link LineKernel#weightedSum}), instead of one short loop per output
 * row and tap with its bounds worked out per tap (2 GFLOP/s on separable-small's layers). The positions at the
 * end of each wide row read across the border and are dropped when the result is copied out. Backward-data is the same
 * on the padded output gradient with the filter flipped; backward-filter is, per tap, a dot product of the gradient on
 * the wide grid (zero where it holds no output) with the shifted plane. Forward and backward-data split the batch across
 * the pool, each task walking its images' channels in memory order (channel by channel, 64 images of separable-small's
 * planes 100 KB apart, sep1's forward ran 1.68 ms, by image 1.00-1.08); backward-filter splits the channels (by image
 * chunks it was no faster). Every sum runs in a fixed order, so results do not depend on threads.
 */
final class WideDepthwise {
    private WideDepthwise() {
    }

    /**
     * Whether the three passes run here: stride 1, dilation 1, padding below the filter size (for backward-data), and
     * the wide paths on ({@link WideConvolution#enabled}).
     */
    static boolean applies(Dims d) {
        return WideConvolution.enabled && d.sh() == 1 && d.sw() == 1 && d.dh() == 1 && d.dw() == 1 && d.ph() < d.kh() && d.pw() < d.kw();
    }

    /** Overwrites {@code out} with the output. */
    static float[] forward(float[] x, float[] f, Dims d, float[] out) {
        Plane plane = new Plane(d.h(), d.w(), d.ph(), d.pw(), d.kh(), d.kw());
        int taps = d.kh() * d.kw();
        int chunks = Conv2dKernels.chunksFor(d.n());
        Parallel.forEachTask(chunks, t -> {
            float[] padded = plane.zeroedBuffer(Slot.TASK_PADDED);
            float[] sums = Scratch.floats(Slot.TASK_COLUMNS, plane.lanes());
            int[] shifts = plane.shifts();
            for (int image = Parallel.chunkStart(d.n(), chunks, t); image < Parallel.chunkStart(d.n(), chunks, t + 1); image++) {
                for (int c = 0; c < d.c(); c++) {
                    plane.copyIn(x, (image * d.c() + c) * d.h() * d.w(), padded);
                    for (int m = 0; m < d.m(); m++) {
                        plane.weightedSum(padded, shifts, f, (c * d.m() + m) * taps, sums, false);
                        plane.copyOut(sums, out, ((image * d.c() + c) * d.m() + m) * d.oh() * d.ow());
                    }
                }
            }
        });
        return out;
    }

    /** Overwrites {@code dx} with the input gradient. */
    static float[] backwardData(float[] dy, float[] f, Dims d, float[] dx) {
        Plane plane = new Plane(d.oh(), d.ow(), d.kh() - 1 - d.ph(), d.kw() - 1 - d.pw(), d.kh(), d.kw());
        int taps = d.kh() * d.kw();
        float[] flipped = new float[f.length];
        for (int i = 0; i < flipped.length; i++) {
            flipped[i] = f[i / taps * taps + taps - 1 - i % taps];
        }
        int chunks = Conv2dKernels.chunksFor(d.n());
        Parallel.forEachTask(chunks, t -> {
            float[] padded = plane.zeroedBuffer(Slot.TASK_PADDED);
            float[] sums = Scratch.floats(Slot.TASK_COLUMNS, plane.lanes());
            int[] shifts = plane.shifts();
            for (int image = Parallel.chunkStart(d.n(), chunks, t); image < Parallel.chunkStart(d.n(), chunks, t + 1); image++) {
                for (int c = 0; c < d.c(); c++) {
                    for (int m = 0; m < d.m(); m++) {
                        plane.copyIn(dy, ((image * d.c() + c) * d.m() + m) * d.oh() * d.ow(), padded);
                        plane.weightedSum(padded, shifts, flipped, (c * d.m() + m) * taps, sums, m > 0);
                    }
                    plane.copyOut(sums, dx, (image * d.c() + c) * d.h() * d.w());
                }
            }
        });
        return dx;
    }

    static float[] backwardFilter(float[] x, float[] dy, Dims d) {
        float[] df = new float[d.c() * d.m() * d.kh() * d.kw()];
        Plane plane = new Plane(d.h(), d.w(), d.ph(), d.pw(), d.kh(), d.kw());
        int taps = d.kh() * d.kw();
        Parallel.forEachTask(d.c(), c -> {
            float[] padded = plane.zeroedBuffer(Slot.TASK_PADDED);
            float[] gradient = Scratch.floats(Slot.TASK_COLUMNS, plane.lanes());
            double[] sums = new double[d.m() * taps];
            int[] shifts = plane.shifts();
            for (int image = 0; image < d.n(); image++) {
                plane.copyIn(x, (image * d.c() + c) * d.h() * d.w(), padded);
                for (int m = 0; m < d.m(); m++) {
                    plane.widen(dy, ((image * d.c() + c) * d.m() + m) * d.oh() * d.ow(), gradient);
                    for (int t = 0; t < taps; t++) {
                        sums[m * taps + t] += MicroKernels.LINES.dot(gradient, 0, padded, shifts[t], plane.lanes());
                    }
                }
            }
            for (int i = 0; i < sums.length; i++) {
                df[c * d.m() * taps + i] = (float) sums[i];
            }
        });
        return df;
    }

    /**
     * One channel plane of {@code height x width} padded by {@code padH, padW}, read by a {@code kernelH x kernelW}
     * filter at stride 1: its wide grid has rows of the padded width and {@code outH} rows.
     */
    private record Plane(int height, int width, int padH, int padW, int kernelH, int kernelW) {
        /** Floats per pass a multiple of: two 512-bit vectors. */
        static final int LANES = 32;

        int paddedW() {
            return width + 2 * padW;
        }

        int outH() {
            return height + 2 * padH - kernelH + 1;
        }

        int outW() {
            return paddedW() - kernelW + 1;
        }

        /** Wide positions up to the last output. */
        int positions() {
            return (outH() - 1) * paddedW() + outW();
        }

        /**
         * The positions rounded up to {@link #LANES}: the passes run over these, so that no position is left to a
         * scalar tail. On a 14x14 map (222 positions, 16-float vectors) the tail of 14 had as many multiply-adds as
         * the 13 vectors before it.
         */
        int lanes() {
            return (positions() + LANES - 1) / LANES * LANES;
        }

        /** A zeroed plane, with room for what the last {@link #lanes} read past it. */
        float[] zeroedBuffer(Slot slot) {
            int size = (height + 2 * padH) * paddedW() + LANES;
            float[] buffer = Scratch.floats(slot, size);
            Arrays.fill(buffer, 0, size, 0f);
            return buffer;
        }

        void copyIn(float[] source, int from, float[] padded) {
            int row = padH * paddedW() + padW;
            for (int h = 0; h < height; h++, from += width, row += paddedW()) {
                ConvPacking.copyRun(source, from, padded, row, width);
            }
        }

        /** For each tap in filter order, where it reads for wide position 0. */
        int[] shifts() {
            int taps = kernelH * kernelW;
            int[] shifts = new int[taps];
            for (int t = 0; t < taps; t++) {
                shifts[t] = t / kernelW * paddedW() + t % kernelW;
            }
            return shifts;
        }

        /**
         * {@code sums[q] (+)= sum over taps of f[kernel + t] * padded[shifts[t] + q]} on the wide grid, with the
         * table of {@link #shifts}; a 3x3 filter takes the kernel that keeps its weights in registers.
         */
        void weightedSum(float[] padded, int[] shifts, float[] f, int kernel, float[] sums, boolean accumulate) {
            int taps = kernelH * kernelW;
            if (kernelH == 3 && kernelW == 3) {
                MicroKernels.LINES.weightedSum3x3(padded, paddedW(), f, kernel, sums, 0, lanes(), accumulate);
            } else {
                MicroKernels.LINES.weightedSum(padded, shifts, f, kernel, taps, sums, 0, lanes(), accumulate);
            }
        }

        /** Copies the outputs of the wide grid in {@code sums} to the plane at {@code out[at...]}. */
        void copyOut(float[] sums, float[] out, int at) {
            for (int oh = 0; oh < outH(); oh++) {
                ConvPacking.copyRun(sums, oh * paddedW(), out, at + oh * outW(), outW());
            }
        }

        /** Lays the output plane at {@code source[from...]} out on the wide grid in {@code wide}, zero where it holds no output. */
        void widen(float[] source, int from, float[] wide) {
            int positions = lanes();
            for (int oh = 0; oh < outH(); oh++) {
                int row = oh * paddedW();
                ConvPacking.copyRun(source, from + oh * outW(), wide, row, outW());
                for (int q = row + outW(); q < Math.min(positions, row + paddedW()); q++) {
                    wide[q] = 0f;
                }
            }
            for (int q = outH() * paddedW(); q < positions; q++) {
                wide[q] = 0f;
            }
        }
    }
}
