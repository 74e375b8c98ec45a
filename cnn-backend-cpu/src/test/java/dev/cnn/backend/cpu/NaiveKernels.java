package dev.cnn.backend.cpu;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.backend.PoolGeometry;

/** Obviously-correct direct loops in double precision, the yardstick for the fast kernels. */
final class NaiveKernels {
    private NaiveKernels() {
    }

    static double[] matmul(float[] a, boolean ta, float[] b, boolean tb, int m, int n, int k) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = ta ? a[p * m + i] : a[i * k + p];
                    double bv = tb ? b[j * k + p] : b[p * n + j];
                    s += av * bv;
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    /** in [N,C,H,W], filter [O,C,kh,kw] -> out [N,O,Ho,Wo]. */
    static double[] conv2d(float[] in, int n, int c, int h, int w, float[] f, int o, int kh, int kw, ConvGeometry g) {
        int ho = g.outputHeight(h, kh);
        int wo = g.outputWidth(w, kw);
        double[] out = new double[n * o * ho * wo];
        for (int b = 0; b < n; b++) {
            for (int oc = 0; oc < o; oc++) {
                for (int y = 0; y < ho; y++) {
                    for (int x = 0; x < wo; x++) {
                        double s = 0;
                        for (int ic = 0; ic < c; ic++) {
                            for (int i = 0; i < kh; i++) {
                                for (int j = 0; j < kw; j++) {
                                    int iy = y * g.strideH() - g.padH() + i * g.dilationH();
                                    int ix = x * g.strideW() - g.padW() + j * g.dilationW();
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                        s += (double) in[((b * c + ic) * h + iy) * w + ix] * f[((oc * c + ic) * kh + i) * kw + j];
                                    }
                                }
                            }
                        }
                        out[((b * o + oc) * ho + y) * wo + x] = s;
                    }
                }
            }
        }
        return out;
    }

    /** The input gradient of conv2d, by scattering each output gradient over its receptive field. */
    static double[] conv2dBackwardData(float[] dy, int n, int c, int h, int w, float[] f, int o, int kh, int kw,
                                       ConvGeometry g) {
        int ho = g.outputHeight(h, kh);
        int wo = g.outputWidth(w, kw);
        double[] dx = new double[n * c * h * w];
        for (int b = 0; b < n; b++) {
            for (int oc = 0; oc < o; oc++) {
                for (int y = 0; y < ho; y++) {
                    for (int x = 0; x < wo; x++) {
                        double d = dy[((b * o + oc) * ho + y) * wo + x];
                        for (int ic = 0; ic < c; ic++) {
                            for (int i = 0; i < kh; i++) {
                                for (int j = 0; j < kw; j++) {
                                    int iy = y * g.strideH() - g.padH() + i * g.dilationH();
                                    int ix = x * g.strideW() - g.padW() + j * g.dilationW();
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                        dx[((b * c + ic) * h + iy) * w + ix] += d * f[((oc * c + ic) * kh + i) * kw + j];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return dx;
    }

    static double[] conv2dBackwardFilter(float[] in, float[] dy, int n, int c, int h, int w, int o, int kh, int kw,
                                         ConvGeometry g) {
        int ho = g.outputHeight(h, kh);
        int wo = g.outputWidth(w, kw);
        double[] df = new double[o * c * kh * kw];
        for (int b = 0; b < n; b++) {
            for (int oc = 0; oc < o; oc++) {
                for (int y = 0; y < ho; y++) {
                    for (int x = 0; x < wo; x++) {
                        double d = dy[((b * o + oc) * ho + y) * wo + x];
                        for (int ic = 0; ic < c; ic++) {
                            for (int i = 0; i < kh; i++) {
                                for (int j = 0; j < kw; j++) {
                                    int iy = y * g.strideH() - g.padH() + i * g.dilationH();
                                    int ix = x * g.strideW() - g.padW() + j * g.dilationW();
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                        df[((oc * c + ic) * kh + i) * kw + j] += d * in[((b * c + ic) * h + iy) * w + ix];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return df;
    }

    /** Max pooling over [planes, H, W]; returns the outputs, and in {@code argMax} the winning input index. */
    static double[] maxPool(float[] in, int planes, int h, int w, PoolGeometry g, int[] argMax) {
        int ho = g.outputShape(dev.cnn.api.tensor.Shape.of(1, planes, h, w)).dim(2);
        int wo = g.outputShape(dev.cnn.api.tensor.Shape.of(1, planes, h, w)).dim(3);
        double[] out = new double[planes * ho * wo];
        for (int p = 0; p < planes; p++) {
            for (int y = 0; y < ho; y++) {
                for (int x = 0; x < wo; x++) {
                    double best = Double.NaN;
                    int bestIndex = -1;
                    for (int i = 0; i < g.kernelH(); i++) {
                        for (int j = 0; j < g.kernelW(); j++) {
                            int iy = y * g.strideH() - g.padH() + i;
                            int ix = x * g.strideW() - g.padW() + j;
                            if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                                continue;
                            }
                            int index = (p * h + iy) * w + ix;
                            if (bestIndex < 0 || in[index] > best) {
                                best = in[index];
                                bestIndex = index;
                            }
                        }
                    }
                    out[(p * ho + y) * wo + x] = best;
                    argMax[(p * ho + y) * wo + x] = bestIndex;
                }
            }
        }
        return out;
    }

    static double[] avgPool(float[] in, int planes, int h, int w, PoolGeometry g) {
        int ho = g.outputShape(dev.cnn.api.tensor.Shape.of(1, planes, h, w)).dim(2);
        int wo = g.outputShape(dev.cnn.api.tensor.Shape.of(1, planes, h, w)).dim(3);
        double[] out = new double[planes * ho * wo];
        for (int p = 0; p < planes; p++) {
            for (int y = 0; y < ho; y++) {
                for (int x = 0; x < wo; x++) {
                    double s = 0;
                    int count = 0;
                    for (int i = 0; i < g.kernelH(); i++) {
                        for (int j = 0; j < g.kernelW(); j++) {
                            int iy = y * g.strideH() - g.padH() + i;
                            int ix = x * g.strideW() - g.padW() + j;
                            if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                s += in[(p * h + iy) * w + ix];
                            }
                            int margin = g.countIncludePad() ? 1 : 0;
                            if (iy >= -g.padH() * margin && iy < h + g.padH() * margin && ix >= -g.padW() * margin
                                    && ix < w + g.padW() * margin) {
                                count++;
                            }
                        }
                    }
                    out[(p * ho + y) * wo + x] = s / count;
                }
            }
        }
        return out;
    }
}
