package dev.cnn.backend.cpu;

import dev.cnn.backend.cpu.Scratch.Slot;

/**
 * The {@code matmul} kernel: {@code op(A) * op(B)} for whole tensors through {@link PackedGemm}. Large products are
 * split across the pool by rows, each task packing its own rows of {@code A} onto one shared packed {@code B}, or,
 * when {@code B} is the wider operand, by columns, each task packing its own columns of {@code B} onto a shared
 * {@code A} that a first parallel region packs; either way the operand packed by every task is the larger one, so
 * little packing is left to one thread.
 */
final class MatMul {
    /** Products smaller than this many multiply-adds run on the calling thread. */
    private static final long PARALLEL_THRESHOLD = 1L << 17;
    private static final int TASKS_PER_THREAD = 4;

    private MatMul() {
    }

    /**
     * {@code op(a) * op(b)}, where {@code a} is stored {@code [m, k]} (or {@code [k, m]} when
     * {@code transposeA}) and {@code b} is stored {@code [k, n]} (or {@code [n, k]} when {@code transposeB}).
     */
    static float[] multiply(float[] a, boolean transposeA, float[] b, boolean transposeB, int m, int n, int k) {
        float[] c = new float[m * n];
        multiplyInto(a, transposeA, b, transposeB, m, n, k, null, c);
        return c;
    }

    /**
     * As {@link #multiply}, writing the {@code [m, n]} product into {@code c}; with a {@code bias} of {@code n}
     * values, each row of {@code c} starts as the bias and the product accumulates onto it.
     */
    static void multiplyInto(float[] a, boolean transposeA, float[] b, boolean transposeB, int m, int n, int k,
                             float[] bias, float[] c) {
        boolean accumulate = bias != null;
        if (accumulate) {
            for (int i = 0; i < m; i++) {
                System.arraycopy(bias, 0, c, i * n, n);
            }
        }
        MicroKernel kernel = MicroKernels.SELECTED;
        int mr = kernel.rows();
        int nr = kernel.cols();
        int aRowStride = transposeA ? 1 : k;
        int aColStride = transposeA ? m : 1;
        int bRowStride = transposeB ? 1 : n;
        int bColStride = transposeB ? k : 1;
        if (k == 0) {
            if (!accumulate) {
                java.util.Arrays.fill(c, 0, m * n, 0f);
            }
            return;
        }
        long work = (long) m * n * k;
        int threads = work < PARALLEL_THRESHOLD ? 1 : Parallel.parallelism();
        int columnPanels = (n + nr - 1) / nr;
        int rowPanels = (m + mr - 1) / mr;
        if (threads > 1 && n > m && columnPanels >= 2 * threads) {
            float[] aPacked = Scratch.floats(Slot.CALLER_PACKED_A, Packing.packedASize(m, k, mr));
            int packTasks = Math.min(rowPanels, threads * TASKS_PER_THREAD);
            Parallel.forEachTask(packTasks, t -> Packing.packA(a, 0, aRowStride, aColStride, m, k, mr,
                    Parallel.chunkStart(rowPanels, packTasks, t), Parallel.chunkStart(rowPanels, packTasks, t + 1),
                    aPacked));
            int tasks = Math.min(columnPanels, threads * TASKS_PER_THREAD);
            Parallel.forEachTask(tasks, t -> {
                int j0 = Parallel.chunkStart(columnPanels, tasks, t) * nr;
                int j1 = Math.min(n, Parallel.chunkStart(columnPanels, tasks, t + 1) * nr);
                int width = j1 - j0;
                float[] bPacked = Scratch.floats(Slot.TASK_PACKED_B, Packing.packedBSize(k, width, nr));
                Packing.packB(b, j0 * bColStride, bRowStride, bColStride, k, width, nr, bPacked);
                PackedGemm.multiply(kernel, m, width, k, 0, m, aPacked, bPacked, c, j0, n, accumulate,
                        Scratch.floats(Slot.TASK_TILE, mr * nr));
            });
            return;
        }
        float[] bPacked = Scratch.floats(Slot.CALLER_PACKED_B, Packing.packedBSize(k, n, nr));
        Packing.packB(b, 0, bRowStride, bColStride, k, n, nr, bPacked);
        int tasks = threads == 1 ? 1 : Math.min(rowPanels, threads * TASKS_PER_THREAD);
        Parallel.forEachTask(tasks, t -> {
            int i0 = Parallel.chunkStart(rowPanels, tasks, t) * mr;
            int i1 = Math.min(m, Parallel.chunkStart(rowPanels, tasks, t + 1) * mr);
            float[] aPacked = Scratch.floats(Slot.TASK_PACKED_A, Packing.packedASize(i1 - i0, k, mr));
            Packing.packA(a, i0 * aRowStride, aRowStride, aColStride, i1 - i0, k, mr, aPacked);
            PackedGemm.multiply(kernel, i1 - i0, n, k, 0, i1 - i0, aPacked, bPacked, c, i0 * n, n, accumulate,
                    Scratch.floats(Slot.TASK_TILE, mr * nr));
        });
    }
}
