package dev.cnn.backend.cpu;

import dev.cnn.api.backend.PoolGeometry;
import java.util.Arrays;

/**
 * Max and average pooling, forward and backward, over {@code [N, C, H, W]}. Each (image, channel)
 * plane is independent, so planes are spread over the pool; no two tasks write the same element. Windows are clipped
 * to the input (a ceil-mode window may reach past the padding); an average divides by
 * {@link PoolGeometry#divisor}.
 */
final class PoolKernels {
    private static final int MIN_PLANES_PER_TASK = 8;

    private PoolKernels() {
    }

    /**
     * Sizes of one pooling.
     *
     * @param planes N*C
     * @param height input height
     * @param width  input width
     * @param outH   output height
     * @param outW   output width
     * @param g      window, stride and padding
     */
    record Dims(int planes, int height, int width, int outH, int outW, PoolGeometry g) {
        int inPlane() {
            return height * width;
        }

        int outPlane() {
            return outH * outW;
        }

        /** First input row of window row {@code oh}, clipped to the input. */
        int rowFrom(int oh) {
            return Math.max(0, oh * g.strideH() - g.padH());
        }

        /** One past the last input row of window row {@code oh}, clipped to the input. */
        int rowTo(int oh) {
            return Math.min(height, oh * g.strideH() - g.padH() + g.kernelH());
        }

        int colFrom(int ow) {
            return Math.max(0, ow * g.strideW() - g.padW());
        }

        int colTo(int ow) {
            return Math.min(width, ow * g.strideW() - g.padW() + g.kernelW());
        }
    }

    /** Max pooling into {@code out}, which it overwrites. */
    static float[] maxForward(float[] in, Dims d, float[] out) {
        if (MaxPool2x2.applies(d)) {
            return MaxPool2x2.forward(in, d, out);
        }
        Parallel.forRange(d.planes(), MIN_PLANES_PER_TASK, (from, to) -> {
            for (int p = from; p < to; p++) {
                int base = p * d.inPlane();
                for (int oh = 0; oh < d.outH(); oh++) {
                    for (int ow = 0; ow < d.outW(); ow++) {
                        out[p * d.outPlane() + oh * d.outW() + ow] = in[argMax(in, base, d, oh, ow)];
                    }
                }
            }
        });
        return out;
    }

    /** The max-pooling gradient, written over every element of {@code dIn} (whatever it held). */
    static float[] maxBackward(float[] in, float[] dOut, Dims d, float[] dIn) {
        if (MaxPool2x2.applies(d)) {
            return MaxPool2x2.backward(in, dOut, d, dIn);
        }
        Parallel.forRange(d.planes(), MIN_PLANES_PER_TASK, (from, to) -> {
            Arrays.fill(dIn, from * d.inPlane(), to * d.inPlane(), 0f);
            for (int p = from; p < to; p++) {
                int base = p * d.inPlane();
                for (int oh = 0; oh < d.outH(); oh++) {
                    for (int ow = 0; ow < d.outW(); ow++) {
                        dIn[argMax(in, base, d, oh, ow)] += dOut[p * d.outPlane() + oh * d.outW() + ow];
                    }
                }
            }
        });
        return dIn;
    }

    /**
     * {@link #maxBackward} followed by ReLU's gradient, given ReLU's output {@code in}: a window's gradient is kept only
     * where its maximum is positive. The 2x2 case does it in the same pass; others mask afterwards.
     */
    static float[] maxBackwardAfterRelu(float[] in, float[] dOut, Dims d, float[] dIn) {
        if (MaxPool2x2.applies(d)) {
            return MaxPool2x2.backwardAfterRelu(in, dOut, d, dIn);
        }
        maxBackward(in, dOut, d, dIn);
        Parallel.forRange(dIn.length, Activations.MIN_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                dIn[i] = in[i] > 0f ? dIn[i] : 0f;
            }
        });
        return dIn;
    }

    /** Index of the window's maximum; on ties the first in row-major order. Padding is never looked at. */
    private static int argMax(float[] in, int base, Dims d, int oh, int ow) {
        int r0 = d.rowFrom(oh);
        int r1 = d.rowTo(oh);
        int c0 = d.colFrom(ow);
        int c1 = d.colTo(ow);
        int best = base + r0 * d.width() + c0;
        float bestValue = in[best];
        for (int r = r0; r < r1; r++) {
            int row = base + r * d.width();
            for (int c = c0; c < c1; c++) {
                if (in[row + c] > bestValue) {
                    bestValue = in[row + c];
                    best = row + c;
                }
            }
        }
        return best;
    }

    static float[] averageForward(float[] in, Dims d) {
        float[] out = new float[d.planes() * d.outPlane()];
        Parallel.forRange(d.planes(), MIN_PLANES_PER_TASK, (from, to) -> {
            for (int p = from; p < to; p++) {
                int base = p * d.inPlane();
                for (int oh = 0; oh < d.outH(); oh++) {
                    int r0 = d.rowFrom(oh);
                    int r1 = d.rowTo(oh);
                    for (int ow = 0; ow < d.outW(); ow++) {
                        int c0 = d.colFrom(ow);
                        int c1 = d.colTo(ow);
                        float sum = 0f;
                        for (int r = r0; r < r1; r++) {
                            for (int c = c0; c < c1; c++) {
                                sum += in[base + r * d.width() + c];
                            }
                        }
                        out[p * d.outPlane() + oh * d.outW() + ow] = sum / d.g().divisor(d.height(), d.width(), oh, ow);
                    }
                }
            }
        });
        return out;
    }

    static float[] averageBackward(float[] dOut, Dims d) {
        float[] dIn = new float[d.planes() * d.inPlane()];
        Parallel.forRange(d.planes(), MIN_PLANES_PER_TASK, (from, to) -> {
            for (int p = from; p < to; p++) {
                int base = p * d.inPlane();
                for (int oh = 0; oh < d.outH(); oh++) {
                    int r0 = d.rowFrom(oh);
                    int r1 = d.rowTo(oh);
                    for (int ow = 0; ow < d.outW(); ow++) {
                        int c0 = d.colFrom(ow);
                        int c1 = d.colTo(ow);
                        float share = dOut[p * d.outPlane() + oh * d.outW() + ow]
                                / d.g().divisor(d.height(), d.width(), oh, ow);
                        for (int r = r0; r < r1; r++) {
                            for (int c = c0; c < c1; c++) {
                                dIn[base + r * d.width() + c] += share;
                            }
                        }
                    }
                }
            }
        });
        return dIn;
    }
}
