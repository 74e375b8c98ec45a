package dev.cnn.backend.cpu;

/**
 * The {@code matmul} kernel: {@code op(A) * op(B)} for whole tensors, with large products split
 * into row blocks across the pool.
 */
final class MatMul {
    /** Products smaller than this many multiply-adds run on the calling thread. */
    private static final long PARALLEL_THRESHOLD = 1L << 18;
    private static final int MIN_ROWS_PER_TASK = 4;

    private MatMul() {
    }

    /**
     * {@code op(a) * op(b)}, where {@code a} is stored {@code [m, k]} (or {@code [k, m]} when
     * {@code transposeA}) and {@code b} is stored {@code [k, n]} (or {@code [n, k]} when {@code transposeB}).
     */
    static float[] multiply(float[] a, boolean transposeA, float[] b, boolean transposeB, int m, int n, int k) {
        float[] rowMajorB = b;
        if (transposeB) {
            rowMajorB = new float[k * n];
            Gemm.transpose(b, n, k, rowMajorB);
        }
        float[] c = new float[m * n];
        int aRowStride = transposeA ? 1 : k;
        int aColStride = transposeA ? m : 1;
        float[] bb = rowMajorB;
        long work = (long) m * n * k;
        int tasks = work < PARALLEL_THRESHOLD ? 1
                : Math.max(1, Math.min(Parallel.parallelism() * 2, m / MIN_ROWS_PER_TASK));
        Parallel.forEachTask(tasks, t -> Gemm.multiply(Parallel.chunkStart(m, tasks, t), Parallel.chunkStart(m, tasks, t + 1),
                n, k, a, 0, aRowStride, aColStride, bb, 0, c, 0, false));
        return c;
    }
}
