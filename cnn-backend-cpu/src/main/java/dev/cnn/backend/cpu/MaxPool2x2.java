package dev.cnn.backend.cpu;

import dev.cnn.api.backend.PoolGeometry;
import java.util.Arrays;

/**
 * Max pooling with 2x2 windows, stride 2 and no padding, the common case, without the general
 * kernel's per-window bounds. Windows do not overlap, so backward sets each window's maximum once
 * (onto zeros it writes itself) instead of adding. Ties go to the first element in row-major order, as in
 * {@link PoolKernels}.
 */
final class MaxPool2x2 {
    private static final int MIN_PLANES_PER_TASK = 8;

    private MaxPool2x2() {
    }

    /** Whether {@code d} is a 2x2, stride-2, unpadded pooling that this class computes. */
    static boolean applies(PoolKernels.Dims d) {
        PoolGeometry g = d.g();
        return g.kernelH() == 2 && g.kernelW() == 2 && g.strideH() == 2 && g.strideW() == 2
                && g.padH() == 0 && g.padW() == 0 && d.outH() == d.height() / 2 && d.outW() == d.width() / 2;
    }

    static float[] forward(float[] in, PoolKernels.Dims d, float[] out) {
        int w = d.width();
        Parallel.forRange(d.planes(), MIN_PLANES_PER_TASK, (from, to) -> {
            for (int p = from; p < to; p++) {
                int o = p * d.outPlane();
                for (int oh = 0; oh < d.outH(); oh++) {
                    int top = p * d.inPlane() + 2 * oh * w;
                    for (int ow = 0; ow < d.outW(); ow++, o++) {
                        int i = top + 2 * ow;
                        out[o] = max(in, i, w);
                    }
                }
            }
        });
        return out;
    }

    /** Zeroes each task's planes of {@code dIn}, then writes the windows' maxima. */
    static float[] backward(float[] in, float[] dOut, PoolKernels.Dims d, float[] dIn) {
        return backward(in, dOut, d, dIn, false);
    }

    /**
     * {@link #backward} followed by ReLU's gradient, given ReLU's output {@code in}: a window whose maximum is not
     * positive (all zeros, or NaN) passes no gradient. The test is a mask on the gradient's bits, not a branch, for
     * the reason {@link #argMax} gives.
     */
    static float[] backwardAfterRelu(float[] in, float[] dOut, PoolKernels.Dims d, float[] dIn) {
        return backward(in, dOut, d, dIn, true);
    }

    private static float[] backward(float[] in, float[] dOut, PoolKernels.Dims d, float[] dIn, boolean afterRelu) {
        int w = d.width();
        Parallel.forRange(d.planes(), MIN_PLANES_PER_TASK, (from, to) -> {
            Arrays.fill(dIn, from * d.inPlane(), to * d.inPlane(), 0f);
            for (int p = from; p < to; p++) {
                int o = p * d.outPlane();
                for (int oh = 0; oh < d.outH(); oh++) {
                    int top = p * d.inPlane() + 2 * oh * w;
                    for (int ow = 0; ow < d.outW(); ow++, o++) {
                        int i = top + 2 * ow;
                        float best = max(in, i, w);
                        dIn[argMax(in, i, w, best)] = afterRelu ? positiveOnly(best, dOut[o]) : dOut[o];
                    }
                }
            }
        });
        return dIn;
    }

    /**
     * {@code gradient} where {@code best} is positive (not zero, not NaN), else zero: the bits of {@code best} as an
     * int lie in {@code (0, +inf]} exactly for those.
     */
    private static float positiveOnly(float best, float gradient) {
        int bits = Float.floatToRawIntBits(best);
        int keep = (-bits >> 31) & ~((0x7f800000 - bits) >> 31);
        return Float.intBitsToFloat(Float.floatToRawIntBits(gradient) & keep);
    }

    /** The maximum of the window whose top-left element is {@code in[i]}, in rows of width {@code w}. */
    private static float max(float[] in, int i, int w) {
        return Math.max(Math.max(in[i], in[i + 1]), Math.max(in[i + w], in[i + w + 1]));
    }

    /**
     * Index of the maximum {@code best} of the window whose top-left element is {@code in[i]} (its {@link #max}): the
     * first element that equals it. Which one wins is unpredictable (ReLU's zeros tie often), so the choice is arithmetic on
     * 0-or-1 flags rather than branches the processor would mispredict (3x slower on random data); windows whose
     * maximum is infinite, where {@code best - value} cannot tell equality, compare instead.
     */
    private static int argMax(float[] in, int i, int w, float best) {
        if (Float.isInfinite(best)) {
            return in[i] == best ? i : in[i + 1] == best ? i + 1 : in[i + w] == best ? i + w : i + w + 1;
        }
        int notFirst = notBest(best, in[i]);
        int notSecond = notBest(best, in[i + 1]);
        int notThird = notBest(best, in[i + w]);
        return i + notFirst * (1 + notSecond * (w - 1 + notThird));
    }

    /**
     * 0 when {@code value} equals {@code best} (the window's maximum, so {@code best - value} is zero exactly then),
     * 1 otherwise, NaN included.
     */
    private static int notBest(float best, float value) {
        return Math.min(1, Float.floatToRawIntBits(best - value) & Integer.MAX_VALUE);
    }
}
