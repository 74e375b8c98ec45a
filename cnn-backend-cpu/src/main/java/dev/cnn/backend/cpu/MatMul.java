package dev.cnn.backend.cpu;

import dev.cnn.backend.cpu.Scratch.Slot;

/**
 * The {@code matmul} kernel: {@code op(A) * op(B)} for whole tensors through {@link PackedGemm}. {@code A} is read
 * where it lies ({@link PackedGemm#multiplyStridedA}): in a dense layer it is the minibatch, which each tile reads too
 * few times for packing to pay (the forward pass of 64 x 100 x 784: 108 -> 87 us). Only {@code B} is packed. Large
 * products are split across the pool by rows, each task reading its own rows of {@code A} against one shared packed
 * {@code B}, or, when {@code B} is the wider operand, by columns, each task packing its own columns of {@code B}.
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
        MicroKernel kernel = MicroKernels.forColumns(n);
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
            int tasks = Math.min(columnPanels, threads * TASKS_PER_THREAD);
            Parallel.forEachTask(tasks, t -> {
                int j0 = Parallel.chunkStart(columnPanels, tasks, t) * nr;
                int j1 = Math.min(n, Parallel.chunkStart(columnPanels, tasks, t + 1) * nr);
                int width = j1 - j0;
                float[] bPacked = Scratch.floats(Slot.TASK_PACKED_B, Packing.packedBSize(k, width, nr));
                Packing.packB(b, j0 * bColStride, bRowStride, bColStride, k, width, nr, bPacked);
                PackedGemm.multiplyStridedA(kernel, m, width, k, 0, m, a, 0, aRowStride, aColStride, bPacked, c, j0,
                        n, accumulate, Scratch.floats(Slot.TASK_TILE, mr * nr));
            });
            return;
        }
        float[] bPacked = Scratch.floats(Slot.CALLER_PACKED_B, Packing.packedBSize(k, n, nr));
        Packing.packB(b, 0, bRowStride, bColStride, k, n, nr, bPacked);
        int tasks = threads == 1 ? 1 : Math.min(rowPanels, threads * TASKS_PER_THREAD);
        Parallel.forEachTask(tasks, t -> {
            int i0 = Parallel.chunkStart(rowPanels, tasks, t) * mr;
            int i1 = Math.min(m, Parallel.chunkStart(rowPanels, tasks, t + 1) * mr);
            PackedGemm.multiplyStridedA(kernel, i1 - i0, n, k, 0, i1 - i0, a, i0 * aRowStride, aRowStride,
                    aColStride, bPacked, c, i0 * n, n, accumulate, Scratch.floats(Slot.TASK_TILE, mr * nr));
        });
    }
}
