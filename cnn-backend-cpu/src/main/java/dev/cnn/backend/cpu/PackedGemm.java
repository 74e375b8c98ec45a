package dev.cnn.backend.cpu;

/**
 * Single-precision matrix multiply {@code C[m, n] (+)= A[m, k] * B[k, n]} on operands already packed
 * into micro-kernel panels ({@link Packing}), blocked for the caches: {@code k} in slices of
 * {@link #KC} (one slice of a {@code B} panel stays in L1 while the tiles of a row block pass over
 * it) and rows in blocks of about {@link #MC_TARGET} (their {@code A} panels stay in L2).
 *
 * <p>Each element of {@code C} is summed in the same order (slice by slice of {@code k}) whichever rows
 * or columns a caller hands to a thread, so the result never depends on how work is split.
 */
final class PackedGemm {
    /** Depth of one slice of {@code k}. */
    static final int KC = 256;
    private static final int MC_TARGET = 72;

    private PackedGemm() {
    }

    /**
     * Tile rows {@code [rowFrom, rowTo)} (multiples of {@code kernel.rows()}, or {@code m}) of
     * {@code C = A * B}, {@code C[i, j]} at {@code c[cOff + i * ldc + j]}, from {@code A} packed by
     * {@link Packing#packA} for {@code m} rows and {@code B} packed by {@link Packing#packB} for
     * {@code n} columns.
     *
     * @param tile       scratch of at least {@code kernel.rows() * kernel.cols()} floats for edge tiles
     * @param accumulate add to {@code C} when true, overwrite it when false
     */
    static void multiply(MicroKernel kernel, int m, int n, int k, int rowFrom, int rowTo, float[] aPacked,
                         float[] bPacked, float[] c, int cOff, int ldc, boolean accumulate, float[] tile) {
        int mr = kernel.rows();
        int nr = kernel.cols();
        int mPadded = Packing.roundUp(m, mr);
        int nPadded = Packing.roundUp(n, nr);
        int mc = Math.max(mr, MC_TARGET / mr * mr);
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            boolean add = accumulate || pc > 0;
            int aSlice = pc * mPadded;
            int bSlice = pc * nPadded;
            for (int ic = rowFrom; ic < rowTo; ic += mc) {
                int icEnd = Math.min(rowTo, ic + mc);
                for (int jr = 0; jr < n; jr += nr) {
                    int bOff = bSlice + jr * kc;
                    int cols = Math.min(nr, n - jr);
                    for (int ir = ic; ir < icEnd; ir += mr) {
                        int aOff = aSlice + ir * kc;
                        int rows = Math.min(mr, m - ir);
                        int cAt = cOff + ir * ldc + jr;
                        if (rows == mr && cols == nr) {
                            kernel.multiply(kc, aPacked, aOff, bPacked, bOff, c, cAt, ldc, add);
                        } else {
                            kernel.multiply(kc, aPacked, aOff, bPacked, bOff, tile, 0, nr, false);
                            mergeTile(tile, nr, rows, cols, c, cAt, ldc, add);
                        }
                    }
                }
            }
        }
    }

    /**
     * As {@link #multiply}, with {@code A} read where it lies, {@code A[i, p] = a[aOff + i * rowStride + p * stepStride]}
     * ({@link MicroKernel#multiplyStridedA}), so that it need not be packed: for an operand that every tile reads only
     * a few times, such as a minibatch of activations, packing costs more than it saves.
     */
    static void multiplyStridedA(MicroKernel kernel, int m, int n, int k, int rowFrom, int rowTo, float[] a, int aOff,
                                 int rowStride, int stepStride, float[] bPacked, float[] c, int cOff, int ldc,
                                 boolean accumulate, float[] tile) {
        int mr = kernel.rows();
        int nr = kernel.cols();
        int nPadded = Packing.roundUp(n, nr);
        int mc = Math.max(mr, MC_TARGET / mr * mr);
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            boolean add = accumulate || pc > 0;
            int bSlice = pc * nPadded;
            for (int ic = rowFrom; ic < rowTo; ic += mc) {
                int icEnd = Math.min(rowTo, ic + mc);
                for (int jr = 0; jr < n; jr += nr) {
                    int bOff = bSlice + jr * kc;
                    int cols = Math.min(nr, n - jr);
                    for (int ir = ic; ir < icEnd; ir += mr) {
                        int at = aOff + ir * rowStride + pc * stepStride;
                        int rows = Math.min(mr, m - ir);
                        int cAt = cOff + ir * ldc + jr;
                        if (rows == mr && cols == nr) {
                            kernel.multiplyStridedA(kc, a, at, rowStride, stepStride, mr, bPacked, bOff, c, cAt, ldc,
                                    add);
                        } else {
                            kernel.multiplyStridedA(kc, a, at, rowStride, stepStride, rows, bPacked, bOff, tile, 0, nr,
                                    false);
                            mergeTile(tile, nr, rows, cols, c, cAt, ldc, add);
                        }
                    }
                }
            }
        }
    }

    private static void mergeTile(float[] tile, int nr, int rows, int cols, float[] c, int cAt, int ldc, boolean add) {
        for (int i = 0; i < rows; i++) {
            int src = i * nr;
            int dst = cAt + i * ldc;
            if (add) {
                for (int j = 0; j < cols; j++) {
                    c[dst + j] += tile[src + j];
                }
            } else {
                System.arraycopy(tile, src, c, dst, cols);
            }
        }
    }
}
