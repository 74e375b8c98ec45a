package dev.cnn.backend.cpu;

/**
 * Lays matrices out as {@link PackedGemm} reads them. For each slice of {@code k} starting at
 * {@code pc} (of depth {@code kc}, see {@link PackedGemm#KC}): {@code A}'s rows in panels of
 * {@code mr}, element {@code (i, p)} at {@code pc * mPadded + (i - i % mr) * kc + (p - pc) * mr + i % mr};
 * {@code B}'s columns in panels of {@code nr}, element {@code (p, j)} at
 * {@code pc * nPadded + (j - j % nr) * kc + (p - pc) * nr + j % nr}. Padding rows and columns are zero.
 * Sources are read through a row and a column stride, so a transposed operand costs nothing extra.
 */
final class Packing {
    private Packing() {
    }

    static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /** Floats {@link #packA} writes for {@code m} rows and depth {@code k}. */
    static int packedASize(int m, int k, int mr) {
        return roundUp(m, mr) * k;
    }

    /** Floats {@link #packB} writes for depth {@code k} and {@code n} columns. */
    static int packedBSize(int k, int n, int nr) {
        return k * roundUp(n, nr);
    }

    /** Packs {@code A[i, p] = a[off + i * rowStride + p * colStride]}, {@code m x k}, into {@code dst}. */
    static void packA(float[] a, int off, int rowStride, int colStride, int m, int k, int mr, float[] dst) {
        packA(a, off, rowStride, colStride, m, k, mr, 0, roundUp(m, mr) / mr, dst);
    }

    /** As {@link #packA(float[], int, int, int, int, int, int, float[])}, only the row panels {@code [panelFrom, panelTo)}. */
    static void packA(float[] a, int off, int rowStride, int colStride, int m, int k, int mr, int panelFrom, int panelTo,
                      float[] dst) {
        int mPadded = roundUp(m, mr);
        for (int pc = 0; pc < k; pc += PackedGemm.KC) {
            int kc = Math.min(PackedGemm.KC, k - pc);
            for (int ir = panelFrom * mr; ir < panelTo * mr; ir += mr) {
                int panel = pc * mPadded + ir * kc;
                for (int ii = 0; ii < mr; ii++) {
                    int i = ir + ii;
                    if (i >= m) {
                        for (int p = 0; p < kc; p++) {
                            dst[panel + p * mr + ii] = 0f;
                        }
                        continue;
                    }
                    int src = off + i * rowStride + pc * colStride;
                    for (int p = 0; p < kc; p++) {
                        dst[panel + p * mr + ii] = a[src + p * colStride];
                    }
                }
            }
        }
    }

    /** Packs {@code B[p, j] = b[off + p * rowStride + j * colStride]}, {@code k x n}, into {@code dst}. */
    static void packB(float[] b, int off, int rowStride, int colStride, int k, int n, int nr, float[] dst) {
        int nPadded = roundUp(n, nr);
        for (int pc = 0; pc < k; pc += PackedGemm.KC) {
            int kc = Math.min(PackedGemm.KC, k - pc);
            for (int jr = 0; jr < nPadded; jr += nr) {
                int panel = pc * nPadded + jr * kc;
                int cols = Math.max(0, Math.min(nr, n - jr));
                if (colStride == 1) {
                    for (int p = 0; p < kc; p++) {
                        int src = off + (pc + p) * rowStride + jr;
                        int at = panel + p * nr;
                        System.arraycopy(b, src, dst, at, cols);
                        for (int jj = cols; jj < nr; jj++) {
                            dst[at + jj] = 0f;
                        }
                    }
                } else {
                    for (int jj = 0; jj < nr; jj++) {
                        if (jj >= cols) {
                            for (int p = 0; p < kc; p++) {
                                dst[panel + p * nr + jj] = 0f;
                            }
                            continue;
                        }
                        int src = off + pc * rowStride + (jr + jj) * colStride;
                        for (int p = 0; p < kc; p++) {
                            dst[panel + p * nr + jj] = b[src + p * rowStride];
                        }
                    }
                }
            }
        }
    }
}
