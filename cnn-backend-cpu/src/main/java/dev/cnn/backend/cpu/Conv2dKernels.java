package dev.cnn.backend.cpu;

import dev.cnn.backend.cpu.Scratch.Slot;
import java.util.Arrays;

/**
 * Convolution forward and backward passes as packed matrix multiplies ({@link PackedGemm}), one image
 * at a time, with the minibatch cut into chunks that run in parallel. The filter is packed once per
 * call and shared by every task; each image is lowered straight into the packed layout
 * ({@link ConvPacking}). Working buffers come from {@link Scratch}, so nothing is allocated but the
 * result once the kernels have warmed up.
 */
final class Conv2dKernels {
    private static final int CHUNKS_PER_THREAD = 4;

    private Conv2dKernels() {
    }

    /**
     * {@code out[n] = filter[O, CkHkW] * unfold(input[n]) (+ bias[o])}: with a bias, each image's output rows start
     * as the bias and the product accumulates onto them while they are in cache.
     *
     * @param bias one value per output channel, or null for none
     */
    static float[] forward(float[] input, float[] filter, float[] bias, ConvDims d, float[] out) {
        MicroKernel kernel = MicroKernels.SELECTED;
        int mr = kernel.rows();
        int nr = kernel.cols();
        int m = d.outputs();
        int n = d.outPlane();
        int k = d.patchSize();
        float[] filterPacked = Scratch.floats(Slot.CALLER_PACKED_A, Packing.packedASize(m, k, mr));
        Packing.packA(filter, 0, k, 1, m, k, mr, filterPacked);
        int chunks = chunksFor(d.batch());
        Parallel.forEachTask(chunks, t -> {
            float[] columns = Scratch.floats(Slot.TASK_PACKED_B, Packing.packedBSize(k, n, nr));
            float[] tile = Scratch.floats(Slot.TASK_TILE, mr * nr);
            for (int image = Parallel.chunkStart(d.batch(), chunks, t); image < Parallel.chunkStart(d.batch(), chunks, t + 1); image++) {
                ConvPacking.packTapsByPosition(input, image * d.imageSize(), d, nr, columns);
                int at = image * d.outImageSize();
                if (bias != null) {
                    for (int o = 0; o < m; o++) {
                        Arrays.fill(out, at + o * n, at + (o + 1) * n, bias[o]);
                    }
                }
                PackedGemm.multiply(kernel, m, n, k, 0, m, filterPacked, columns, out, at, n, bias != null, tile);
            }
        });
        return out;
    }

    /** {@code dInput[n] = fold(filter^T * dOut[n])}, added into {@code dInput}, which must be all zeros. */
    static float[] backwardData(float[] outputGradient, float[] filter, ConvDims d, float[] dInput) {
        MicroKernel kernel = MicroKernels.SELECTED;
        int mr = kernel.rows();
        int nr = kernel.cols();
        int m = d.patchSize();
        int n = d.outPlane();
        int k = d.outputs();
        float[] filterPacked = Scratch.floats(Slot.CALLER_PACKED_A, Packing.packedASize(m, k, mr));
        Packing.packA(filter, 0, 1, m, m, k, mr, filterPacked);
        int chunks = chunksFor(d.batch());
        Parallel.forEachTask(chunks, t -> {
            float[] gradientPacked = Scratch.floats(Slot.TASK_PACKED_B, Packing.packedBSize(k, n, nr));
            float[] columns = Scratch.floats(Slot.TASK_COLUMNS, m * n);
            float[] tile = Scratch.floats(Slot.TASK_TILE, mr * nr);
            for (int image = Parallel.chunkStart(d.batch(), chunks, t); image < Parallel.chunkStart(d.batch(), chunks, t + 1); image++) {
                Packing.packB(outputGradient, image * d.outImageSize(), n, 1, k, n, nr, gradientPacked);
                PackedGemm.multiply(kernel, m, n, k, 0, m, filterPacked, gradientPacked, columns, 0, n, false, tile);
                ConvPacking.fold(columns, n, d, dInput, image * d.imageSize());
            }
        });
        return dInput;
    }

    /**
     * {@code dFilter = sum_n dOut[n] * unfold(input[n])^T}. The batch is cut into a fixed number of
     * chunks whose partial sums are added in chunk order, so the result does not depend on threads.
     */
    static float[] backwardFilter(float[] input, float[] outputGradient, ConvDims d, float[] dFilter) {
        MicroKernel kernel = MicroKernels.SELECTED;
        int mr = kernel.rows();
        int nr = kernel.cols();
        int m = d.outputs();
        int n = d.patchSize();
        int k = d.outPlane();
        int filterSize = m * n;
        int chunks = Math.min(d.batch(), Parallel.REDUCTION_CHUNKS);
        float[] partials = Scratch.floats(Slot.CALLER_PARTIALS, chunks * filterSize);
        Parallel.forEachTask(chunks, t -> {
            float[] gradientPacked = Scratch.floats(Slot.TASK_PACKED_A, Packing.packedASize(m, k, mr));
            float[] rows = Scratch.floats(Slot.TASK_PACKED_B, Packing.packedBSize(k, n, nr));
            float[] tile = Scratch.floats(Slot.TASK_TILE, mr * nr);
            int first = Parallel.chunkStart(d.batch(), chunks, t);
            for (int image = first; image < Parallel.chunkStart(d.batch(), chunks, t + 1); image++) {
                Packing.packA(outputGradient, image * d.outImageSize(), k, 1, m, k, mr, gradientPacked);
                ConvPacking.packPositionsByTap(input, image * d.imageSize(), d, nr, rows);
                PackedGemm.multiply(kernel, m, n, k, 0, m, gradientPacked, rows, partials, t * filterSize, n,
                        image != first, tile);
            }
        });
        Arrays.fill(dFilter, 0f);
        for (int t = 0; t < chunks; t++) {
            int base = t * filterSize;
            for (int i = 0; i < filterSize; i++) {
                dFilter[i] += partials[base + i];
            }
        }
        return dFilter;
    }

    private static int chunksFor(int batch) {
        return Math.min(batch, Parallel.parallelism() * CHUNKS_PER_THREAD);
    }
}
