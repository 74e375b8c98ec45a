package dev.cnn.backend.cpu;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;

/**
 * Depthwise convolution as direct loops ({@link WideDepthwise} for stride and dilation 1): each input channel convolved with its own {@code M} kernels, with stride,
 * zero padding and dilation. Output channel {@code c M + m} reads input channel {@code c} with kernel {@code (c, m)}.
 * The loops run tap by tap over whole output rows, with the range of columns inside the input worked out once per
 * tap, so the innermost loop has no bounds tests (and is contiguous at stride 1). Channels are independent, so each
 * kernel splits its work across the pool by channel; results do not depend on scheduling.
 */
final class DepthwiseKernels {
    private DepthwiseKernels() {
    }

    /** The sizes of one depthwise convolution. */
    record Dims(int n, int c, int h, int w, int m, int kh, int kw, int oh, int ow, int sh, int sw, int ph, int pw,
                int dh, int dw) {
        static Dims of(Shape input, Shape filter, ConvGeometry g) {
            Shape out = g.depthwiseOutputShape(input, filter);
            return new Dims(input.dim(0), input.dim(1), input.dim(2), input.dim(3), filter.dim(1), filter.dim(2),
                    filter.dim(3), out.dim(2), out.dim(3), g.strideH(), g.strideW(), g.padH(), g.padW(),
                    g.dilationH(), g.dilationW());
        }

        /** The first output column whose tap {@code j} falls inside the input. */
        int firstColumn(int j) {
            int offset = j * dw - pw;
            return offset >= 0 ? 0 : (-offset + sw - 1) / sw;
        }

        /** One past the last output column whose tap {@code j} falls inside the input. */
        int endColumn(int j) {
            int offset = j * dw - pw;
            int last = w - 1 - offset;
            return last < 0 ? 0 : Math.min(ow, last / sw + 1);
        }
    }

    /**
     * The array a forward or backward-data pass writes: {@code out}'s when it can be reused, else a new one; zeroed
     * for the row loops, which add into it, as is ({@link WideDepthwise} overwrites every element).
     */
    static float[] outputArray(dev.cnn.api.tensor.Tensor out, Shape shape, Dims d, float[] first, float[] second) {
        return WideDepthwise.applies(d) ? Outputs.array(out, shape, first, second)
                : Outputs.zeroed(out, shape, first, second);
    }

    /** Writes the output into {@code out}, which must hold zeros. */
    static float[] forward(float[] x, float[] f, Dims d, float[] out) {
        if (WideDepthwise.applies(d)) {
            return WideDepthwise.forward(x, f, d, out);
        }
        Parallel.forEachTask(d.c, c -> {
            for (int image = 0; image < d.n; image++) {
                int in = (image * d.c + c) * d.h * d.w;
                for (int m = 0; m < d.m; m++) {
                    int kernel = (c * d.m + m) * d.kh * d.kw;
                    int o = ((image * d.c + c) * d.m + m) * d.oh * d.ow;
                    for (int i = 0; i < d.kh; i++) {
                        for (int j = 0; j < d.kw; j++) {
                            float weight = f[kernel + i * d.kw + j];
                            int from = d.firstColumn(j);
                            int to = d.endColumn(j);
                            int columnOffset = j * d.dw - d.pw;
                            for (int oy = 0; oy < d.oh; oy++) {
                                int iy = oy * d.sh - d.ph + i * d.dh;
                                if (iy < 0 || iy >= d.h) {
                                    continue;
                                }
                                int row = in + iy * d.w + columnOffset;
                                int target = o + oy * d.ow;
                                if (d.sw == 1) {
                                    for (int ox = from; ox < to; ox++) {
                                        out[target + ox] += weight * x[row + ox];
                                    }
                                } else {
                                    for (int ox = from; ox < to; ox++) {
                                        out[target + ox] += weight * x[row + ox * d.sw];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        });
        return out;
    }

    /** Writes the input gradient into {@code dx}, which must hold zeros. */
    static float[] backwardData(float[] dy, float[] f, Dims d, float[] dx) {
        if (WideDepthwise.applies(d)) {
            return WideDepthwise.backwardData(dy, f, d, dx);
        }
        Parallel.forEachTask(d.c, c -> {
            for (int image = 0; image < d.n; image++) {
                int in = (image * d.c + c) * d.h * d.w;
                for (int m = 0; m < d.m; m++) {
                    int kernel = (c * d.m + m) * d.kh * d.kw;
                    int o = ((image * d.c + c) * d.m + m) * d.oh * d.ow;
                    for (int i = 0; i < d.kh; i++) {
                        for (int j = 0; j < d.kw; j++) {
                            float weight = f[kernel + i * d.kw + j];
                            int from = d.firstColumn(j);
                            int to = d.endColumn(j);
                            int columnOffset = j * d.dw - d.pw;
                            for (int oy = 0; oy < d.oh; oy++) {
                                int iy = oy * d.sh - d.ph + i * d.dh;
                                if (iy < 0 || iy >= d.h) {
                                    continue;
                                }
                                int row = in + iy * d.w + columnOffset;
                                int source = o + oy * d.ow;
                                if (d.sw == 1) {
                                    for (int ox = from; ox < to; ox++) {
                                        dx[row + ox] += weight * dy[source + ox];
                                    }
                                } else {
                                    for (int ox = from; ox < to; ox++) {
                                        dx[row + ox * d.sw] += weight * dy[source + ox];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        });
        return dx;
    }

    static float[] backwardFilter(float[] x, float[] dy, Dims d) {
        if (WideDepthwise.applies(d)) {
            return WideDepthwise.backwardFilter(x, dy, d);
        }
        float[] df = new float[d.c * d.m * d.kh * d.kw];
        Parallel.forEachTask(d.c, c -> {
            for (int m = 0; m < d.m; m++) {
                int kernel = (c * d.m + m) * d.kh * d.kw;
                for (int i = 0; i < d.kh; i++) {
                    for (int j = 0; j < d.kw; j++) {
                        int from = d.firstColumn(j);
                        int to = d.endColumn(j);
                        int columnOffset = j * d.dw - d.pw;
                        double sum = 0;
                        for (int image = 0; image < d.n; image++) {
                            int in = (image * d.c + c) * d.h * d.w;
                            int o = ((image * d.c + c) * d.m + m) * d.oh * d.ow;
                            for (int oy = 0; oy < d.oh; oy++) {
                                int iy = oy * d.sh - d.ph + i * d.dh;
                                if (iy < 0 || iy >= d.h) {
                                    continue;
                                }
                                int row = in + iy * d.w + columnOffset;
                                int source = o + oy * d.ow;
                                float rowSum = 0;
                                for (int ox = from; ox < to; ox++) {
                                    rowSum += x[row + ox * d.sw] * dy[source + ox];
                                }
                                sum += rowSum;
                            }
                        }
                        df[kernel + i * d.kw + j] = (float) sum;
                    }
                }
            }
        });
        return df;
    }
}
