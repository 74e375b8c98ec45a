package dev.cnn.backend.cpu;

import java.util.Arrays;

/**
 * Unfolds one image into the matrix of its receptive fields, and folds such a matrix back.
 *
 * <p>{@link #im2col} writes {@code [C*kH*kW, Ho*Wo]} (one row per filter tap, as the forward pass
 * multiplies it), each row into its own array at a column offset so that several images can sit side
 * by side; {@link #col2im} folds such a matrix back. {@link #im2row} writes the
 * transpose, also one array per row, {@code [Ho*Wo, C*kH*kW]} (as backward-filter multiplies it). Padded positions read as zero.
 */
final class Im2Col {
    private Im2Col() {
    }

    /** Unfolds the image at {@code in[inOff...]} into {@code col[r][colOff + i]}, {@code r < C*kH*kW}, {@code i < Ho*Wo}. */
    static void im2col(float[] in, int inOff, ConvDims d, float[][] col, int colOff) {
        int row = 0;
        for (int c = 0; c < d.channels(); c++) {
            for (int ki = 0; ki < d.kernelH(); ki++) {
                for (int kj = 0; kj < d.kernelW(); kj++, row++) {
                    int lo = firstValidOutput(d.padW(), kj, d.strideW(), d.outW());
                    int hi = endValidOutput(d.width(), d.padW(), kj, d.strideW(), d.outW(), lo);
                    float[] target = col[row];
                    for (int oh = 0; oh < d.outH(); oh++) {
                        int dst = colOff + oh * d.outW();
                        int ih = oh * d.strideH() - d.padH() + ki;
                        if (ih < 0 || ih >= d.height()) {
                            Arrays.fill(target, dst, dst + d.outW(), 0f);
                            continue;
                        }
                        int src = inOff + (c * d.height() + ih) * d.width() - d.padW() + kj;
                        copyClipped(in, src, d.strideW(), target, dst, lo, hi, d.outW());
                    }
                }
            }
        }
    }

    /**
     * Adds the {@code [C*kH*kW, Ho*Wo]} matrix {@code col[r][colOff + i]} back onto the image at
     * {@code out[outOff...]}; padding is dropped.
     */
    static void col2im(float[][] col, int colOff, ConvDims d, float[] out, int outOff) {
        int row = 0;
        for (int c = 0; c < d.channels(); c++) {
            for (int ki = 0; ki < d.kernelH(); ki++) {
                for (int kj = 0; kj < d.kernelW(); kj++, row++) {
                    int lo = firstValidOutput(d.padW(), kj, d.strideW(), d.outW());
                    int hi = endValidOutput(d.width(), d.padW(), kj, d.strideW(), d.outW(), lo);
                    for (int oh = 0; oh < d.outH(); oh++) {
                        int ih = oh * d.strideH() - d.padH() + ki;
                        if (ih < 0 || ih >= d.height()) {
                            continue;
                        }
                        float[] source = col[row];
                        int src = colOff + oh * d.outW();
                        int dst = outOff + (c * d.height() + ih) * d.width() - d.padW() + kj;
                        int sw = d.strideW();
                        if (sw == 1) {
                            for (int ow = lo; ow < hi; ow++) {
                                out[dst + ow] += source[src + ow];
                            }
                        } else {
                            for (int ow = lo; ow < hi; ow++) {
                                out[dst + ow * sw] += source[src + ow];
                            }
                        }
                    }
                }
            }
        }
    }

    /** Unfolds the image at {@code in[inOff...]} into {@code rows} as {@code [Ho*Wo, C*kH*kW]}, one array per row. */
    static void im2row(float[] in, int inOff, ConvDims d, float[][] rows) {
        int kw = d.kernelW();
        for (int oh = 0; oh < d.outH(); oh++) {
            for (int ow = 0; ow < d.outW(); ow++) {
                float[] target = rows[oh * d.outW() + ow];
                int dst = 0;
                int iw0 = ow * d.strideW() - d.padW();
                int lo = Math.min(kw, Math.max(0, -iw0));
                int hi = Math.max(lo, Math.min(kw, d.width() - iw0));
                for (int c = 0; c < d.channels(); c++) {
                    for (int ki = 0; ki < d.kernelH(); ki++, dst += kw) {
                        int ih = oh * d.strideH() - d.padH() + ki;
                        if (ih < 0 || ih >= d.height()) {
                            Arrays.fill(target, dst, dst + kw, 0f);
                            continue;
                        }
                        int src = inOff + (c * d.height() + ih) * d.width() + iw0;
                        copyClipped(in, src, 1, target, dst, lo, hi, kw);
                    }
                }
            }
        }
    }

    /**
     * {@code dst[dstOff + i] = src[srcOff + i * step]} for {@code i} in {@code [lo, hi)} and zero for the
     * rest of {@code [0, length)}. Spans are short (a kernel or output row), where plain loops beat
     * {@code System.arraycopy} and {@code Arrays.fill}.
     */
    private static void copyClipped(float[] src, int srcOff, int step, float[] dst, int dstOff, int lo, int hi, int length) {
        int i = 0;
        for (; i < lo; i++) {
            dst[dstOff + i] = 0f;
        }
        if (step == 1) {
            for (; i < hi; i++) {
                dst[dstOff + i] = src[srcOff + i];
            }
        } else {
            for (; i < hi; i++) {
                dst[dstOff + i] = src[srcOff + i * step];
            }
        }
        for (; i < length; i++) {
            dst[dstOff + i] = 0f;
        }
    }

    /** The first output column whose tap {@code kj} lands inside the input (not in left padding). */
    private static int firstValidOutput(int padW, int kj, int strideW, int outW) {
        int need = padW - kj;
        if (need <= 0) {
            return 0;
        }
        return Math.min(outW, (need + strideW - 1) / strideW);
    }

    /** One past the last output column whose tap {@code kj} lands inside an input of width {@code width}. */
    private static int endValidOutput(int width, int padW, int kj, int strideW, int outW, int lo) {
        int limit = width + padW - kj;
        if (limit <= 0) {
            return lo;
        }
        return Math.max(lo, Math.min(outW, (limit + strideW - 1) / strideW));
    }
}
