package dev.cnn.backend.cpu;

import dev.cnn.backend.cpu.Scratch.Slot;
import java.util.Arrays;

/**
 * Convolution forward and backward passes (any stride, padding and dilation) as packed matrix multiplies ({@link PackedGemm}), one image
 * at a time, with the minibatch cut into chunks that run in parallel. The filter is packed once per
 * call and shared by every task; each image is lowered straight into the packed layout
 * ({@link ConvPacking}), a block at a time ({@link CacheBlocks}): forward packs a block of output positions and
 * multiplies it while it is in L2, backward-data multiplies and folds a block of filter taps, backward-filter packs
 * one slice of output positions (and, for many taps, a block of taps) at a time, and reads the output gradient where it
 * lies. Blocks never change the order in
 * which an element is summed, so the bits are those of one multiply over the whole image. Working buffers come from
 * {@link Scratch}, so nothing is allocated but the result once the kernels have warmed up. Dilated convolutions
 * always take this lowering (dilation only moves where a tap reads), never the wide-grid kernels.
 */
final class Conv2dKernels {
    private static final int CHUNKS_PER_THREAD = 4;
    private static final int MIN_SUM_PER_TASK = 2048;

    private Conv2dKernels() {
    }

    /**
     * {@code out[n] = filter[O, CkHkW] * unfold(input[n]) (+ bias[o])}: with a bias, each image's output rows start
     * as the bias and the product accumulates onto them while they are in cache.
     *
     * @param bias one value per output channel, or null for none
     */
    static float[] forward(float[] input, float[] filter, float[] bias, ConvDims d, float[] out) {
        return forward(input, filter, bias, d, out, false);
    }

    /** As {@link #forward(float[], float[], float[], ConvDims, float[])}, then a ReLU on each image's output while it is in cache. */
    static float[] forward(float[] input, float[] filter, float[] bias, ConvDims d, float[] out, boolean relu) {
        if (d.undilated() && WinogradConvolution.applies(d)) {
            return WinogradConvolution.forward(input, filter, bias, d, out, relu);
        }
        if (d.undilated() && WideConvolution.applies(d)) {
            return WideConvolution.forward(input, filter, bias, d, out, relu);
        }
        MicroKernel kernel = MicroKernels.SELECTED;
        int mr = kernel.rows();
        int nr = kernel.cols();
        int m = d.outputs();
        int n = d.outPlane();
        int k = d.patchSize();
        float[] filterPacked = Scratch.floats(Slot.CALLER_PACKED_A, Packing.packedASize(m, k, mr));
        Packing.packA(filter, 0, k, 1, m, k, mr, filterPacked);
        int span = CacheBlocks.span(n, k, nr);
        int chunks = chunksFor(d.batch());
        boolean padded = PaddedImage.applies(d);
        ConvDims lowered = padded ? PaddedImage.unpadded(d) : d;
        Parallel.forEachTask(chunks, t -> {
            float[] columns = Scratch.floats(Slot.TASK_PACKED_B, Packing.packedBSize(k, Math.min(span, n), nr));
            float[] tile = Scratch.floats(Slot.TASK_TILE, mr * nr);
            float[] source = padded ? zeroedPaddedBuffer(d) : input;
            for (int image = Parallel.chunkStart(d.batch(), chunks, t); image < Parallel.chunkStart(d.batch(), chunks, t + 1); image++) {
                int at = image * d.outImageSize();
                int from = padded ? 0 : image * d.imageSize();
                if (padded) {
                    PaddedImage.copyIn(input, image * d.imageSize(), d, source);
                }
                for (int q0 = 0; q0 < n; q0 += span) {
                    int q1 = Math.min(n, q0 + span);
                    ConvPacking.packTapsByPosition(source, from, lowered, nr, q0, q1, columns);
                    if (bias != null) {
                        for (int o = 0; o < m; o++) {
                            Arrays.fill(out, at + o * n + q0, at + o * n + q1, bias[o]);
                        }
                    }
                    PackedGemm.multiply(kernel, m, q1 - q0, k, 0, m, filterPacked, columns, out, at + q0, n,
                            bias != null, tile);
                }
                if (relu) {
                    Activations.reluInPlace(out, at, d.outImageSize());
                }
            }
        });
        return out;
    }

    /** {@code dInput[n] = fold(filter^T * dOut[n])}, added into {@code dInput}, which must be all zeros. */
    static float[] backwardData(float[] outputGradient, float[] filter, ConvDims d, float[] dInput) {
        if (d.undilated() && WinogradConvolution.applies(d)) {
            return WinogradConvolution.backwardData(outputGradient, filter, d, dInput);
        }
        if (d.undilated() && WideConvolution.appliesBackward(d)) {
            return WideConvolution.backwardData(outputGradient, filter, d, dInput);
        }
        MicroKernel kernel = MicroKernels.SELECTED;
        int mr = kernel.rows();
        int nr = kernel.cols();
        int m = d.patchSize();
        int n = d.outPlane();
        int k = d.outputs();
        float[] filterPacked = Scratch.floats(Slot.CALLER_PACKED_A, Packing.packedASize(m, k, mr));
        Packing.packA(filter, 0, 1, m, m, k, mr, filterPacked);
        int span = Math.min(CacheBlocks.span(m, n, mr), Packing.roundUp(m, mr));
        int chunks = chunksFor(d.batch());
        boolean padded = PaddedImage.applies(d);
        ConvDims folded = padded ? PaddedImage.unpadded(d) : d;
        Parallel.forEachTask(chunks, t -> {
            float[] gradientPacked = Scratch.floats(Slot.TASK_PACKED_B, Packing.packedBSize(k, n, nr));
            float[] columns = Scratch.floats(Slot.TASK_COLUMNS, Math.min(span, m) * n);
            float[] tile = Scratch.floats(Slot.TASK_TILE, mr * nr);
            float[] target = padded ? Scratch.floats(Slot.TASK_PADDED, PaddedImage.size(d)) : dInput;
            for (int image = Parallel.chunkStart(d.batch(), chunks, t); image < Parallel.chunkStart(d.batch(), chunks, t + 1); image++) {
                int at = padded ? 0 : image * d.imageSize();
                if (padded) {
                    Arrays.fill(target, 0, PaddedImage.size(d), 0f);
                }
                Packing.packB(outputGradient, image * d.outImageSize(), n, 1, k, n, nr, gradientPacked);
                for (int r0 = 0; r0 < m; r0 += span) {
                    int r1 = Math.min(m, r0 + span);
                    PackedGemm.multiply(kernel, m, n, k, r0, r1, filterPacked, gradientPacked, columns, -r0 * n, n,
                            false, tile);
                    ConvPacking.fold(columns, n, folded, r0, r1, target, at);
                }
                if (padded) {
                    PaddedImage.addOut(target, d, dInput, image * d.imageSize());
                }
            }
        });
        return dInput;
    }

    /**
     * {@code dFilter = sum_n dOut[n] * unfold(input[n])^T}. The batch is cut into a fixed number of
     * chunks whose partial sums are added in chunk order, so the result does not depend on threads.
     */
    static float[] backwardFilter(float[] input, float[] outputGradient, ConvDims d, float[] dFilter) {
        if (d.undilated() && WideConvolution.appliesBackwardFilter(d)) {
            return WideFilterGradient.backwardFilter(input, outputGradient, d, dFilter);
        }
        MicroKernel kernel = MicroKernels.forColumns(d.patchSize());
        int mr = kernel.rows();
        int nr = kernel.cols();
        int m = d.outputs();
        int n = d.patchSize();
        int k = d.outPlane();
        int filterSize = m * n;
        int chunks = Math.min(d.batch(), Parallel.REDUCTION_CHUNKS);
        float[] partials = Scratch.floats(Slot.CALLER_PARTIALS, chunks * filterSize);
        int depth = Math.min(k, PackedGemm.KC);
        int span = CacheBlocks.span(n, depth, nr);
        boolean padded = PaddedImage.applies(d);
        ConvDims lowered = padded ? PaddedImage.unpadded(d) : d;
        Parallel.forEachTask(chunks, t -> {
            float[] rows = Scratch.floats(Slot.TASK_PACKED_B, Packing.packedBSize(depth, Math.min(span, n), nr));
            float[] tile = Scratch.floats(Slot.TASK_TILE, mr * nr);
            int[] taps = ConvPacking.tapOffsets(lowered);
            float[] source = padded ? zeroedPaddedBuffer(d) : input;
            int first = Parallel.chunkStart(d.batch(), chunks, t);
            for (int image = first; image < Parallel.chunkStart(d.batch(), chunks, t + 1); image++) {
                int gradientAt = image * d.outImageSize();
                int from = padded ? 0 : image * d.imageSize();
                if (padded) {
                    PaddedImage.copyIn(input, image * d.imageSize(), d, source);
                }
                for (int p0 = 0; p0 < k; p0 += PackedGemm.KC) {
                    int p1 = Math.min(k, p0 + PackedGemm.KC);
                    for (int j0 = 0; j0 < n; j0 += span) {
                        int j1 = Math.min(n, j0 + span);
                        ConvPacking.packPositionsByTap(source, from, lowered, nr, p0, p1, j0, j1, taps, rows);
                        PackedGemm.multiplyStridedA(kernel, m, j1 - j0, p1 - p0, 0, m, outputGradient,
                                gradientAt + p0, k, 1, rows, partials, t * filterSize + j0, n,
                                image != first || p0 > 0, tile);
                    }
                }
            }
        });
        Parallel.forRange(filterSize, MIN_SUM_PER_TASK, (from, to) -> {
            System.arraycopy(partials, from, dFilter, from, to - from);
            for (int t = 1; t < chunks; t++) {
                int base = t * filterSize;
                for (int i = from; i < to; i++) {
                    dFilter[i] += partials[base + i];
                }
            }
        });
        return dFilter;
    }

    /** This task's buffer for one padded image, its border (and all else) zero. */
    private static float[] zeroedPaddedBuffer(ConvDims d) {
        float[] buffer = Scratch.floats(Slot.TASK_PADDED, PaddedImage.size(d));
        Arrays.fill(buffer, 0, PaddedImage.size(d), 0f);
        return buffer;
    }

    static int chunksFor(int batch) {
        return Math.min(batch, Parallel.parallelism() * CHUNKS_PER_THREAD);
    }
}
