package dev.cnn.backend.cpu;

/**
 * Lowers one image of a convolution straight into the packed layout of {@link Packing}, so that the
 * unfolded matrix of receptive fields is never materialised on its own. The unfolded matrix has a row
 * per filter tap {@code r = (c, ki, kj)} ({@code C*kH*kW} rows) and a column per output position
 * {@code q = (oh, ow)} ({@code Ho*Wo} columns); padded positions read as zero. Tap {@code (ki, kj)} reads
 * {@code (ki dilationH, kj dilationW)} cells from its window's corner.
 */
final class ConvPacking {
    /** Runs at least this long are copied with {@link System#arraycopy}. */
    private static final int SHORT_RUN = 24;

    private ConvPacking() {
    }

    /**
     * Packs columns {@code [q0, q1)} of the unfolded matrix as {@code B[r, q - q0]} (depth {@code C*kH*kW},
     * {@code q1 - q0} columns), for the forward pass.
     */
    static void packTapsByPosition(float[] in, int inOff, ConvDims d, int nr, int q0, int q1, float[] dst) {
        if (UnpaddedPacking.applies(d)) {
            UnpaddedPacking.packTapsByPosition(in, inOff, d, nr, q0, q1, dst);
        } else {
            packTapsByPositionAnyGeometry(in, inOff, d, nr, q0, q1, dst);
        }
    }

    /** {@link #packTapsByPosition} for any padding and stride, checking each run against the padding. */
    static void packTapsByPositionAnyGeometry(float[] in, int inOff, ConvDims d, int nr, int q0, int q1, float[] dst) {
        int k = d.patchSize();
        int nPadded = Packing.roundUp(q1 - q0, nr);
        int outW = d.outW();
        int sw = d.strideW();
        for (int pc = 0; pc < k; pc += PackedGemm.KC) {
            int kc = Math.min(PackedGemm.KC, k - pc);
            int panelStep = nr * kc;
            for (int r = pc; r < pc + kc; r++) {
                int c = r / (d.kernelH() * d.kernelW());
                int ki = r / d.kernelW() % d.kernelH() * d.dilationH();
                int kj = r % d.kernelW() * d.dilationW();
                int lo = firstValidOutput(d.padW(), kj, sw, outW);
                int hi = endValidOutput(d.width(), d.padW(), kj, sw, outW, lo);
                int at = pc * nPadded + (r - pc) * nr;
                int lane = 0;
                int ow = q0 % outW;
                for (int oh = q0 / outW, left = q1 - q0; left > 0; oh++, ow = 0) {
                    int ih = oh * d.strideH() - d.padH() + ki;
                    boolean rowInside = ih >= 0 && ih < d.height();
                    int src = inOff + (c * d.height() + ih) * d.width() - d.padW() + kj;
                    int rowEnd = Math.min(outW, ow + left);
                    left -= rowEnd - ow;
                    while (ow < rowEnd) {
                        int run = Math.min(rowEnd - ow, nr - lane);
                        int end = ow + run;
                        int out = at + lane - ow;
                        if (rowInside && sw == 1 && ow >= lo && end <= hi) {
                            if (run == 8) {
                                copyEight(in, src + ow, dst, out + ow);  // as in fold: the common row, called directly
                            } else {
                                copyRun(in, src + ow, dst, out + ow, run);
                            }
                        } else {
                            for (int x = ow; x < end; x++) {
                                dst[out + x] = rowInside && x >= lo && x < hi ? in[src + x * sw] : 0f;
                            }
                        }
                        ow = end;
                        lane += run;
                        if (lane == nr) {
                            lane = 0;
                            at += panelStep;
                        }
                    }
                }
                for (; lane != 0 && lane < nr; lane++) {
                    dst[at + lane] = 0f;
                }
            }
        }
    }

    /**
     * Packs rows {@code [q0, q1)} and columns {@code [j0, j1)} of the transpose of the unfolded matrix,
     * {@code B[q - q0, r - j0]} (depth {@code q1 - q0} of at most {@link PackedGemm#KC} output positions, taps
     * {@code r} as columns), for backward-filter, with {@code taps} from {@link #tapOffsets}. Each panel row is written whole, in order, from a table of where
     * each tap reads relative to the window's corner; windows that overlap the padding take the slower path that
     * checks every tap.
     */
    static void packPositionsByTap(float[] in, int inOff, ConvDims d, int nr, int q0, int q1, int j0, int j1,
                                   int[] taps, float[] dst) {
        if (UnpaddedPacking.applies(d)) {
            UnpaddedPacking.packPositionsByTap(in, inOff, d, nr, q0, q1, j0, j1, taps, dst);
        } else {
            packPositionsByTapAnyGeometry(in, inOff, d, nr, q0, q1, j0, j1, taps, dst);
        }
    }

    /** {@link #packPositionsByTap} for any padding and stride, checking each window against the padding. */
    static void packPositionsByTapAnyGeometry(float[] in, int inOff, ConvDims d, int nr, int q0, int q1, int j0,
                                              int j1, int[] taps, float[] dst) {
        int kc = q1 - q0;
        int n = j1 - j0;
        int nPadded = Packing.roundUp(n, nr);
        for (int jr = 0; jr < nPadded; jr += nr) {
            int panel = jr * kc;
            int full = Math.max(0, Math.min(nr, n - jr));
            for (int p = 0; p < kc; p++) {
                int q = q0 + p;
                int ih0 = q / d.outW() * d.strideH() - d.padH();
                int iw0 = q % d.outW() * d.strideW() - d.padW();
                int at = panel + p * nr;
                if (ih0 >= 0 && ih0 + d.spanH() <= d.height() && iw0 >= 0 && iw0 + d.spanW() <= d.width()) {
                    int corner = inOff + ih0 * d.width() + iw0;
                    for (int jj = 0; jj < full; jj++) {
                        dst[at + jj] = in[corner + taps[j0 + jr + jj]];
                    }
                } else {
                    for (int jj = 0; jj < full; jj++) {
                        dst[at + jj] = tapValue(in, inOff, d, j0 + jr + jj, ih0, iw0);
                    }
                }
                for (int jj = full; jj < nr; jj++) {
                    dst[at + jj] = 0f;
                }
            }
        }
    }

    /** For each tap {@code r = (c, ki, kj)}, its offset from the window's top-left input element, in this thread's index buffer. */
    static int[] tapOffsets(ConvDims d) {
        int[] taps = Scratch.ints(d.patchSize());
        int r = 0;
        for (int c = 0; c < d.channels(); c++) {
            for (int ki = 0; ki < d.kernelH(); ki++) {
                for (int kj = 0; kj < d.kernelW(); kj++) {
                    taps[r++] = (c * d.height() + ki * d.dilationH()) * d.width() + kj * d.dilationW();
                }
            }
        }
        return taps;
    }

    /** The input value tap {@code r} of the window at {@code (ih0, iw0)} reads, zero in the padding. */
    private static float tapValue(float[] in, int inOff, ConvDims d, int r, int ih0, int iw0) {
        int c = r / (d.kernelH() * d.kernelW());
        int ih = ih0 + r / d.kernelW() % d.kernelH() * d.dilationH();
        int iw = iw0 + r % d.kernelW() * d.dilationW();
        boolean inside = ih >= 0 && ih < d.height() && iw >= 0 && iw < d.width();
        return inside ? in[inOff + (c * d.height() + ih) * d.width() + iw] : 0f;
    }

    /**
     * Adds rows {@code [r0, r1)} of the unfolded-matrix gradient, row {@code r} at {@code col[(r - r0) * ldc + q]},
     * back onto the image at {@code out[outOff...]}; contributions that fall in the padding are dropped. Folding
     * consecutive row ranges in order adds every element in the same order as folding all rows at once.
     */
    static void fold(float[] col, int ldc, ConvDims d, int r0, int r1, float[] out, int outOff) {
        if (UnpaddedPacking.applies(d)) {
            UnpaddedPacking.fold(col, ldc, d, r0, r1, out, outOff);
        } else {
            foldAnyGeometry(col, ldc, d, r0, r1, out, outOff);
        }
    }

    /** {@link #fold} for any padding and stride, checking each row against the padding. */
    static void foldAnyGeometry(float[] col, int ldc, ConvDims d, int r0, int r1, float[] out, int outOff) {
        int taps = d.kernelH() * d.kernelW();
        int sw = d.strideW();
        for (int r = r0; r < r1; r++) {
            int c = r / taps;
            int ki = r / d.kernelW() % d.kernelH() * d.dilationH();
            int kj = r % d.kernelW() * d.dilationW();
            int lo = firstValidOutput(d.padW(), kj, sw, d.outW());
            int hi = endValidOutput(d.width(), d.padW(), kj, sw, d.outW(), lo);
            for (int oh = 0; oh < d.outH(); oh++) {
                int ih = oh * d.strideH() - d.padH() + ki;
                if (ih < 0 || ih >= d.height()) {
                    continue;
                }
                int src = (r - r0) * ldc + oh * d.outW();
                int dst = outOff + (c * d.height() + ih) * d.width() - d.padW() + kj;
                if (sw == 1) {
                    addRun(col, src + lo, out, dst + lo, hi - lo);
                } else {
                    for (int ow = lo; ow < hi; ow++) {
                        out[dst + ow * sw] += col[src + ow];
                    }
                }
            }
        }
    }

    /**
     * {@code dst[d..d+length) = src[s..s+length)}; runs shorter than {@link #SHORT_RUN} (the rows of small maps: 8
     * wide for a 12x12 input and a 5x5 filter) go eight at a time, written out, since {@link System#arraycopy}'s
     * call costs more than such a copy.
     */
    static void copyRun(float[] src, int s, float[] dst, int d, int length) {
        if (length >= SHORT_RUN) {
            System.arraycopy(src, s, dst, d, length);
            return;
        }
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            copyEight(src, s + i, dst, d + i);
        }
        for (; i < length; i++) {
            dst[d + i] = src[s + i];
        }
    }

    /**
     * {@code out[o..o+length) += col[c..c+length)}: a row of exactly eight calls {@link #addEight} directly, which
     * measured 3-13% faster in training than going through the loop of eights.
     */
    static void addRun(float[] col, int c, float[] out, int o, int length) {
        if (length == 8) {
            addEight(col, c, out, o);
            return;
        }
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            addEight(col, c + i, out, o + i);
        }
        for (; i < length; i++) {
            out[o + i] += col[c + i];
        }
    }

    private static void copyEight(float[] src, int s, float[] dst, int d) {
        dst[d] = src[s];
        dst[d + 1] = src[s + 1];
        dst[d + 2] = src[s + 2];
        dst[d + 3] = src[s + 3];
        dst[d + 4] = src[s + 4];
        dst[d + 5] = src[s + 5];
        dst[d + 6] = src[s + 6];
        dst[d + 7] = src[s + 7];
    }

    /**
     * {@code out[o..o+8) += col[c..c+8)}, written out: rows this short never reach the JIT's vectorised loop on wide
     * vectors, and its scalar remainder loop was slower.
     */
    private static void addEight(float[] col, int c, float[] out, int o) {
        out[o] += col[c];
        out[o + 1] += col[c + 1];
        out[o + 2] += col[c + 2];
        out[o + 3] += col[c + 3];
        out[o + 4] += col[c + 4];
        out[o + 5] += col[c + 5];
        out[o + 6] += col[c + 6];
        out[o + 7] += col[c + 7];
    }

    /** The first output column whose tap at column offset {@code kj} lands inside the input (not in left padding). */
    private static int firstValidOutput(int padW, int kj, int strideW, int outW) {
        int need = padW - kj;
        if (need <= 0) {
            return 0;
        }
        return Math.min(outW, (need + strideW - 1) / strideW);
    }

    /** One past the last output column whose tap at column offset {@code kj} lands inside an input of width {@code width}. */
    private static int endValidOutput(int width, int padW, int kj, int strideW, int outW, int lo) {
        int limit = width + padW - kj;
        if (limit <= 0) {
            return lo;
        }
        return Math.max(lo, Math.min(outW, (limit + strideW - 1) / strideW));
    }
}
