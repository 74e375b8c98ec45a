package dev.cnn.backend.cpu;

import java.util.Arrays;

/**
 * Cache-blocked single-precision matrix multiply {@code C = op(A) * B} on row-major arrays.
 *
 * <p>{@code B} is always read row-major ({@code [k, n]}, contiguous rows) so that the innermost loop
 * is a contiguous {@code c[j] += a * b[j]} the JIT vectorizes; {@code A} is read through a row and a
 * column stride, which covers both {@code A} and its transpose. Callers that need {@code B}
 * transposed pack it first with {@link #transpose}. Blocking over {@code k} and {@code j} keeps a
 * block of {@code B} in cache while every row of {@code C} passes over it; rows are taken two at a
 * time so that each load of {@code B} serves both, and four steps of {@code k} are folded into each
 * update of {@code C}.
 *
 * <p>Every element of {@code C} sees the same operations in the same order whichever kernel computes
 * its row, so splitting rows across threads never changes the result.
 */
final class Gemm {
    private static final int K_BLOCK = 128;
    private static final int J_BLOCK = 512;

    private Gemm() {
    }

    /** As {@link #multiply(int, int, int, int, float[], int, int, int, float[], int, float[], int, boolean, boolean)} with fused multiply-add where the hardware has it. */
    static void multiply(int rowFrom, int rowTo, int n, int k,
                         float[] a, int aOff, int aRowStride, int aColStride,
                         float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        multiply(rowFrom, rowTo, n, k, a, aOff, aRowStride, aColStride, b, bOff, c, cOff, accumulate,
                FusedMultiplyAdd.IN_HARDWARE);
    }

    /**
     * Rows {@code [rowFrom, rowTo)} of {@code C[m, n] (+)= op(A)[m, k] * B[k, n]}, where
     * {@code op(A)[i, p] = a[aOff + i * aRowStride + p * aColStride]}.
     *
     * @param accumulate add to {@code c} when true, overwrite it when false
     * @param fused      use {@link Math#fma} (only fast where the processor has FMA)
     */
    static void multiply(int rowFrom, int rowTo, int n, int k,
                         float[] a, int aOff, int aRowStride, int aColStride,
                         float[] b, int bOff, float[] c, int cOff, boolean accumulate, boolean fused) {
        if (!accumulate) {
            Arrays.fill(c, cOff + rowFrom * n, cOff + rowTo * n, 0f);
        }
        for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
            int p1 = Math.min(k, p0 + K_BLOCK);
            for (int j0 = 0; j0 < n; j0 += J_BLOCK) {
                int j1 = Math.min(n, j0 + J_BLOCK);
                int i = rowFrom;
                for (; i + 1 < rowTo; i += 2) {
                    int aRow = aOff + i * aRowStride;
                    int cRow = cOff + i * n;
                    if (fused) {
                        twoRowsFused(a, aRow, aRow + aRowStride, aColStride, b, bOff, n, c, cRow, cRow + n, p0, p1, j0, j1);
                    } else {
                        twoRows(a, aRow, aRow + aRowStride, aColStride, b, bOff, n, c, cRow, cRow + n, p0, p1, j0, j1);
                    }
                }
                if (i < rowTo) {
                    if (fused) {
                        oneRowFused(a, aOff + i * aRowStride, aColStride, b, bOff, n, c, cOff + i * n, p0, p1, j0, j1);
                    } else {
                        oneRow(a, aOff + i * aRowStride, aColStride, b, bOff, n, c, cOff + i * n, p0, p1, j0, j1);
                    }
                }
            }
        }
    }

    private static void twoRowsFused(float[] a, int aRow, int aNext, int aColStride, float[] b, int bOff, int n,
                                     float[] c, int cRow, int cNext, int p0, int p1, int j0, int j1) {
        int p = p0;
        for (; p + 3 < p1; p += 4) {
            float a00 = a[aRow + p * aColStride];
            float a01 = a[aRow + (p + 1) * aColStride];
            float a02 = a[aRow + (p + 2) * aColStride];
            float a03 = a[aRow + (p + 3) * aColStride];
            float a10 = a[aNext + p * aColStride];
            float a11 = a[aNext + (p + 1) * aColStride];
            float a12 = a[aNext + (p + 2) * aColStride];
            float a13 = a[aNext + (p + 3) * aColStride];
            int b0 = bOff + p * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int j = j0; j < j1; j++) {
                float v0 = b[b0 + j];
                float v1 = b[b1 + j];
                float v2 = b[b2 + j];
                float v3 = b[b3 + j];
                c[cRow + j] = Math.fma(a03, v3, Math.fma(a02, v2, Math.fma(a01, v1, Math.fma(a00, v0, c[cRow + j]))));
                c[cNext + j] = Math.fma(a13, v3, Math.fma(a12, v2, Math.fma(a11, v1, Math.fma(a10, v0, c[cNext + j]))));
            }
        }
        for (; p < p1; p++) {
            float a0 = a[aRow + p * aColStride];
            float a1 = a[aNext + p * aColStride];
            int bp = bOff + p * n;
            for (int j = j0; j < j1; j++) {
                c[cRow + j] = Math.fma(a0, b[bp + j], c[cRow + j]);
                c[cNext + j] = Math.fma(a1, b[bp + j], c[cNext + j]);
            }
        }
    }

    private static void oneRowFused(float[] a, int aRow, int aColStride, float[] b, int bOff, int n,
                                    float[] c, int cRow, int p0, int p1, int j0, int j1) {
        int p = p0;
        for (; p + 3 < p1; p += 4) {
            float a0 = a[aRow + p * aColStride];
            float a1 = a[aRow + (p + 1) * aColStride];
            float a2 = a[aRow + (p + 2) * aColStride];
            float a3 = a[aRow + (p + 3) * aColStride];
            int b0 = bOff + p * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int j = j0; j < j1; j++) {
                c[cRow + j] = Math.fma(a3, b[b3 + j], Math.fma(a2, b[b2 + j], Math.fma(a1, b[b1 + j],
                        Math.fma(a0, b[b0 + j], c[cRow + j]))));
            }
        }
        for (; p < p1; p++) {
            float a0 = a[aRow + p * aColStride];
            int bp = bOff + p * n;
            for (int j = j0; j < j1; j++) {
                c[cRow + j] = Math.fma(a0, b[bp + j], c[cRow + j]);
            }
        }
    }

    private static void twoRows(float[] a, int aRow, int aNext, int aColStride, float[] b, int bOff, int n,
                                float[] c, int cRow, int cNext, int p0, int p1, int j0, int j1) {
        int p = p0;
        for (; p + 3 < p1; p += 4) {
            float a00 = a[aRow + p * aColStride];
            float a01 = a[aRow + (p + 1) * aColStride];
            float a02 = a[aRow + (p + 2) * aColStride];
            float a03 = a[aRow + (p + 3) * aColStride];
            float a10 = a[aNext + p * aColStride];
            float a11 = a[aNext + (p + 1) * aColStride];
            float a12 = a[aNext + (p + 2) * aColStride];
            float a13 = a[aNext + (p + 3) * aColStride];
            int b0 = bOff + p * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int j = j0; j < j1; j++) {
                float v0 = b[b0 + j];
                float v1 = b[b1 + j];
                float v2 = b[b2 + j];
                float v3 = b[b3 + j];
                c[cRow + j] += a00 * v0 + a01 * v1 + a02 * v2 + a03 * v3;
                c[cNext + j] += a10 * v0 + a11 * v1 + a12 * v2 + a13 * v3;
            }
        }
        for (; p < p1; p++) {
            float a0 = a[aRow + p * aColStride];
            float a1 = a[aNext + p * aColStride];
            int bp = bOff + p * n;
            for (int j = j0; j < j1; j++) {
                c[cRow + j] += a0 * b[bp + j];
                c[cNext + j] += a1 * b[bp + j];
            }
        }
    }

    private static void oneRow(float[] a, int aRow, int aColStride, float[] b, int bOff, int n,
                               float[] c, int cRow, int p0, int p1, int j0, int j1) {
        int p = p0;
        for (; p + 3 < p1; p += 4) {
            float a0 = a[aRow + p * aColStride];
            float a1 = a[aRow + (p + 1) * aColStride];
            float a2 = a[aRow + (p + 2) * aColStride];
            float a3 = a[aRow + (p + 3) * aColStride];
            int b0 = bOff + p * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int j = j0; j < j1; j++) {
                c[cRow + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
            }
        }
        for (; p < p1; p++) {
            float a0 = a[aRow + p * aColStride];
            int bp = bOff + p * n;
            for (int j = j0; j < j1; j++) {
                c[cRow + j] += a0 * b[bp + j];
            }
        }
    }

    /** Writes the transpose of the row-major {@code [rows, cols]} matrix {@code src} into {@code dst} ({@code [cols, rows]}). */
    static void transpose(float[] src, int rows, int cols, float[] dst) {
        final int tile = 32;
        for (int r0 = 0; r0 < rows; r0 += tile) {
            int r1 = Math.min(rows, r0 + tile);
            for (int c0 = 0; c0 < cols; c0 += tile) {
                int c1 = Math.min(cols, c0 + tile);
                for (int r = r0; r < r1; r++) {
                    for (int col = c0; col < c1; col++) {
                        dst[col * rows + r] = src[r * cols + col];
                    }
                }
            }
        }
    }
}
