package dev.cnn.backend.cpu;

import java.util.Arrays;

/**
 * Matrix multiply {@code C = op(A) * B} where {@code B} and {@code C} are given as one array per row,
 * for the convolution kernels, which build their operands themselves and can lay them out so.
 *
 * <p>The layout is what makes it fast: the HotSpot C2 compiler of Java 17 vectorizes the inner loop
 * {@code c[j] = fma(a3, b3[j], fma(a2, b2[j], fma(a1, b1[j], fma(a0, b0[j], c[j]))))} only when every
 * array in it is indexed by the same expression; with rows at different offsets of one array, as
 * {@link Gemm} reads them, the loop stays scalar (measured three to four times slower).
 *
 * <p>Every element of {@code C} sees the same operations in the same order, so the result does not
 * depend on how rows are split across threads.
 */
final class RowGemm {
    private static final int K_BLOCK = 128;
    private static final int J_BLOCK = 512;

    private RowGemm() {
    }

    /**
     * {@code C[m, n] (+)= op(A)[m, k] * B[k, n]} with {@code op(A)[i, p] = a[aOff + i * aRowStride + p * aColStride]},
     * {@code B[p, j] = b[p][j]} and {@code C[i, j] = c[i][j]}.
     *
     * @param accumulate add to {@code c} when true, overwrite it when false
     */
    static void multiply(int m, int n, int k, float[] a, int aOff, int aRowStride, int aColStride,
                         float[][] b, float[][] c, boolean accumulate) {
        if (!accumulate) {
            for (int i = 0; i < m; i++) {
                Arrays.fill(c[i], 0, n, 0f);
            }
        }
        boolean fused = FusedMultiplyAdd.IN_HARDWARE;
        for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
            int p1 = Math.min(k, p0 + K_BLOCK);
            for (int j0 = 0; j0 < n; j0 += J_BLOCK) {
                int j1 = Math.min(n, j0 + J_BLOCK);
                for (int i = 0; i < m; i++) {
                    int aRow = aOff + i * aRowStride;
                    if (fused) {
                        rowFused(a, aRow, aColStride, b, c[i], p0, p1, j0, j1);
                    } else {
                        row(a, aRow, aColStride, b, c[i], p0, p1, j0, j1);
                    }
                }
            }
        }
    }

    private static void rowFused(float[] a, int aRow, int aColStride, float[][] b, float[] c,
                                 int p0, int p1, int j0, int j1) {
        int p = p0;
        for (; p + 3 < p1; p += 4) {
            float a0 = a[aRow + p * aColStride];
            float a1 = a[aRow + (p + 1) * aColStride];
            float a2 = a[aRow + (p + 2) * aColStride];
            float a3 = a[aRow + (p + 3) * aColStride];
            float[] b0 = b[p];
            float[] b1 = b[p + 1];
            float[] b2 = b[p + 2];
            float[] b3 = b[p + 3];
            for (int j = j0; j < j1; j++) {
                c[j] = Math.fma(a3, b3[j], Math.fma(a2, b2[j], Math.fma(a1, b1[j], Math.fma(a0, b0[j], c[j]))));
            }
        }
        for (; p < p1; p++) {
            float a0 = a[aRow + p * aColStride];
            float[] b0 = b[p];
            for (int j = j0; j < j1; j++) {
                c[j] = Math.fma(a0, b0[j], c[j]);
            }
        }
    }

    private static void row(float[] a, int aRow, int aColStride, float[][] b, float[] c,
                            int p0, int p1, int j0, int j1) {
        int p = p0;
        for (; p + 3 < p1; p += 4) {
            float a0 = a[aRow + p * aColStride];
            float a1 = a[aRow + (p + 1) * aColStride];
            float a2 = a[aRow + (p + 2) * aColStride];
            float a3 = a[aRow + (p + 3) * aColStride];
            float[] b0 = b[p];
            float[] b1 = b[p + 1];
            float[] b2 = b[p + 2];
            float[] b3 = b[p + 3];
            for (int j = j0; j < j1; j++) {
                c[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
            }
        }
        for (; p < p1; p++) {
            float a0 = a[aRow + p * aColStride];
            float[] b0 = b[p];
            for (int j = j0; j < j1; j++) {
                c[j] += a0 * b0[j];
            }
        }
    }
}
