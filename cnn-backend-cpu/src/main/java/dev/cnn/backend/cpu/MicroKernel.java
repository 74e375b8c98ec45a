package dev.cnn.backend.cpu;

/**
 * The innermost step of {@link PackedGemm}: a tile of {@link #rows()} x {@link #cols()} elements of
 * {@code C} from a packed panel of {@code A} ({@code kc} steps of {@code rows()} values) and one of
 * {@code B} ({@code kc} steps of {@code cols()} values), held in registers for the whole sum.
 */
interface MicroKernel {
    /** Rows of {@code C} per tile (MR). */
    int rows();

    /** Columns of {@code C} per tile (NR). */
    int cols();

    /**
     * {@code C[i, j] (+)= sum_p a[aOff + p * rows() + i] * b[bOff + p * cols() + j]} for the full tile at
     * {@code c[cOff + i * ldc + j]}.
     *
     * @param accumulate add to {@code c} when true, overwrite it when false
     */
    void multiply(int kc, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc, boolean accumulate);

    /**
     * As {@link #multiply}, with {@code A} read where it lies instead of from a packed panel (a packed panel is the
     * case {@code rowStride = 1}, {@code stepStride = rows()}):
     * {@code A[i, p] = a[aOff + i * rowStride + p * stepStride]} for the tile's {@code rows} rows (at most
     * {@link #rows()}; the missing ones repeat the last, and their results are meaningless).
     */
    void multiplyStridedA(int kc, float[] a, int aOff, int rowStride, int stepStride, int rows, float[] b, int bOff,
                          float[] c, int cOff, int ldc, boolean accumulate);

    /**
     * As {@link #multiply}, with {@code B} read where it lies, each step's row from a table:
     * {@code B[p, j] = b[bOff + rowOffsets[p] + j]}. The rows of a convolution's input that its filter taps read, on a
     * wide output grid, are such rows ({@link WideConvolution}), so nothing is lowered or packed.
     */
    void multiplyOffsetB(int kc, float[] a, int aOff, float[] b, int bOff, int[] rowOffsets, float[] c, int cOff,
                         int ldc, boolean accumulate);

    /** Where row {@code i} of a strided {@code A} tile of {@code rows} rows starts: rows past the last repeat it. */
    static int rowStart(int aOff, int i, int rows, int rowStride) {
        return aOff + Math.min(i, rows - 1) * rowStride;
    }

    /** What runs, for {@code ./cnn backends}. */
    String description();
}
