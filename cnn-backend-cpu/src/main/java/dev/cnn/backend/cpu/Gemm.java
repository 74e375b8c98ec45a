package dev.cnn.backend.cpu;

/**
 * Cache-blocked single-precision matrix multiply {@code C = op(A) * B} on row-major arrays.
 *
 * <p>{@code B} is always read row-major ({@code [k, n]}, contiguous rows) so that the innermost loop
 * is a contiguous {@code c[j] += a * b[j]} the JIT vectorizes; {@code A} is read through a row and a
 * column stride, which covers both {@code A} and its transpose. Callers that need {@code B}
 * transposed pack it first with {@link #transpose}. Blocking over {@code k} and {@code j} keeps a
 * block of {@code B} in cache while every row of {@code C} passes over it. Each row of {@code C} is
 * computed the same way wherever the rows are split, so splitting rows across threads never changes
 * the result.
 */
final class Gemm {
    private static final int K_BLOCK = 128;
    private static final int J_BLOCK = 512;

    private Gemm() {
    }

    /**
     * Rows {@code [rowFrom, rowTo)} of {@code C[m, n] (+)= op(A)[m, k] * B[k, n]}, where
     * {@code op(A)[i, p] = a[aOff + i * aRowStride + p * aColStride]}.
     *
     * @param accumulate add to {@code c} when true, overwrite it when false
     */
    static void multiply(int rowFrom, int rowTo, int n, int k,
                         float[] a, int aOff, int aRowStride, int aColStride,
                         float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(c, cOff + rowFrom * n, cOff + rowTo * n, 0f);
        }
        for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
            int p1 = Math.min(k, p0 + K_BLOCK);
            for (int j0 = 0; j0 < n; j0 += J_BLOCK) {
                int j1 = Math.min(n, j0 + J_BLOCK);
                for (int i = rowFrom; i < rowTo; i++) {
                    multiplyRowBlock(a, aOff + i * aRowStride, aColStride, b, bOff, n, c, cOff + i * n, p0, p1, j0, j1);
                }
            }
        }
    }

    /** {@code c[cRow + j] += sum_p a[aRow + p * aColStride] * b[bOff + p * n + j]} over the block. */
    private static void multiplyRowBlock(float[] a, int aRow, int aColStride, float[] b, int bOff, int n,
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
            float ap = a[aRow + p * aColStride];
            int bp = bOff + p * n;
            for (int j = j0; j < j1; j++) {
                c[cRow + j] += ap * b[bp + j];
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
