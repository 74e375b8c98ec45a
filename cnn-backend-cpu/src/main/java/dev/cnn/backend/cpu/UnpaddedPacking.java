package dev.cnn.backend.cpu;

/**
 * The lowering of {@link ConvPacking} for convolutions without padding that step one column at a time, where every
 * window lies inside the image. Then a tap only moves where a block of output positions reads from, never which
 * positions exist: forward works out the copies of a block once, as runs of consecutive elements, and replays them for
 * every tap; backward-filter moves its window's corner a column at a time; the fold steps through taps and rows. None
 * divides or tests the padding per element. A dilation only spreads where the taps read. The packed layouts, and so the bits of every result, are those of
 * {@link ConvPacking}.
 */
final class UnpaddedPacking {
    private static final int FIELDS = 3;

    private UnpaddedPacking() {
    }

    /** Whether every window of {@code d} lies inside the image and consecutive output columns read consecutive input columns. */
    static boolean applies(ConvDims d) {
        return d.padH() == 0 && d.padW() == 0 && d.strideW() == 1;
    }

    /** {@link ConvPacking#packTapsByPosition} for convolutions this class {@link #applies applies} to. */
    static void packTapsByPosition(float[] in, int inOff, ConvDims d, int nr, int q0, int q1, float[] dst) {
        int k = d.patchSize();
        int n = q1 - q0;
        int nPadded = Packing.roundUp(n, nr);
        int plane = d.height() * d.width();
        int tail = n % nr;
        int lastPanel = n - tail;
        int[] runs = Scratch.ints(FIELDS * (n + n / nr + 1));
        for (int pc = 0; pc < k; pc += PackedGemm.KC) {
            int kc = Math.min(PackedGemm.KC, k - pc);
            int count = positionRuns(d, nr, kc, q0, q1, runs);
            int c = pc / (d.kernelH() * d.kernelW());
            int ki = pc / d.kernelW() % d.kernelH();
            int kj = pc % d.kernelW();
            for (int r = pc; r < pc + kc; r++) {
                int base = inOff + c * plane + ki * d.dilationH() * d.width() + kj * d.dilationW();
                int at = pc * nPadded + (r - pc) * nr;
                for (int i = 0; i < count; i += FIELDS) {
                    ConvPacking.copyRun(in, base + runs[i], dst, at + runs[i + 1], runs[i + 2]);
                }
                if (tail != 0) {
                    java.util.Arrays.fill(dst, at + lastPanel * kc + tail, at + lastPanel * kc + nr, 0f);
                }
                if (++kj == d.kernelW()) {
                    kj = 0;
                    if (++ki == d.kernelH()) {
                        ki = 0;
                        c++;
                    }
                }
            }
        }
    }

    /**
     * The copies that pack positions {@code [q0, q1)} of one tap row into panels of {@code nr} columns and depth
     * {@code kc}: {@code (source offset from the tap's first element, destination offset from the row's start, length)},
     * a run ending at each output row's end and each panel's end. Returns the number of ints written.
     */
    private static int positionRuns(ConvDims d, int nr, int kc, int q0, int q1, int[] runs) {
        int count = 0;
        int oh = q0 / d.outW();
        int ow = q0 % d.outW();
        for (int q = q0; q < q1; ) {
            int local = q - q0;
            int lane = local % nr;
            int run = Math.min(Math.min(d.outW() - ow, nr - lane), q1 - q);
            runs[count] = oh * d.strideH() * d.width() + ow;
            runs[count + 1] = (local - lane) * kc + lane;
            runs[count + 2] = run;
            count += FIELDS;
            q += run;
            ow += run;
            if (ow == d.outW()) {
                ow = 0;
                oh++;
            }
        }
        return count;
    }

    /**
     * {@link ConvPacking#packPositionsByTap} for convolutions this class {@link #applies applies} to: each panel row
     * gathers its taps through the table of {@link ConvPacking#tapOffsets}, from a window corner that moves one
     * column at a time.
     */
    static void packPositionsByTap(float[] in, int inOff, ConvDims d, int nr, int q0, int q1, int j0, int j1,
                                   int[] taps, float[] dst) {
        int kc = q1 - q0;
        int n = j1 - j0;
        int nPadded = Packing.roundUp(n, nr);
        int rowStep = d.strideH() * d.width();
        for (int jr = 0; jr < nPadded; jr += nr) {
            int full = Math.max(0, Math.min(nr, n - jr));
            int first = j0 + jr;
            int ow = q0 % d.outW();
            int rowCorner = inOff + q0 / d.outW() * rowStep;
            for (int p = 0, at = jr * kc; p < kc; p++, at += nr) {
                int corner = rowCorner + ow;
                for (int jj = 0; jj < full; jj++) {
                    dst[at + jj] = in[corner + taps[first + jj]];
                }
                for (int jj = full; jj < nr; jj++) {
                    dst[at + jj] = 0f;
                }
                if (++ow == d.outW()) {
                    ow = 0;
                    rowCorner += rowStep;
                }
            }
        }
    }

    /** {@link ConvPacking#fold} for convolutions this class {@link #applies applies} to. */
    static void fold(float[] col, int ldc, ConvDims d, int r0, int r1, float[] out, int outOff) {
        int plane = d.height() * d.width();
        int rowStep = d.strideH() * d.width();
        int outW = d.outW();
        int c = r0 / (d.kernelH() * d.kernelW());
        int ki = r0 / d.kernelW() % d.kernelH();
        int kj = r0 % d.kernelW();
        for (int r = r0; r < r1; r++) {
            int dst = outOff + c * plane + ki * d.dilationH() * d.width() + kj * d.dilationW();
            int src = (r - r0) * ldc;
            for (int oh = 0; oh < d.outH(); oh++, src += outW, dst += rowStep) {
                ConvPacking.addRun(col, src, out, dst, outW);
            }
            if (++kj == d.kernelW()) {
                kj = 0;
                if (++ki == d.kernelH()) {
                    ki = 0;
                    c++;
                }
            }
        }
    }
}
