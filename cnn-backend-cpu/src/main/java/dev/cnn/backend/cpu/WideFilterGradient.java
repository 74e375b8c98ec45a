package dev.cnn.backend.cpu;

import dev.cnn.backend.cpu.Scratch.Slot;
import java.util.Arrays;

/**
 * Backward-filter of a convolution with padding or a stride on a {@link WideGrid}:
 * {@code dFilter[o, c, ki, kj] = sum over images and wide positions q of dOut[o, q] * phases[c, shift(ki, kj) + q]},
 * with {@code dOut} zero on the positions of the wide grid that hold no output. For each tap {@code (ki, kj)} that is
 * one matrix multiply whose {@code A} is the image's phases themselves, rows {@code c} a channel stride apart, shifted
 * by the tap
 * ({@link PackedGemm#multiplyStridedA}), and whose {@code B} is the output gradient packed once per image: nothing of
 * the size of the unfolded input is written. The batch is cut into a fixed number of chunks whose partial sums are
 * added in chunk order, so the result does not depend on threads.
 */
final class WideFilterGradient {
    private static final int MIN_SUM_PER_TASK = 2048;

    private WideFilterGradient() {
    }

    static float[] backwardFilter(float[] input, float[] outputGradient, ConvDims d, float[] dFilter) {
        MicroKernel kernel = MicroKernels.forColumns(d.outputs());
        int nr = kernel.cols();
        int channels = d.channels();
        int outputs = d.outputs();
        int taps = d.kernelH() * d.kernelW();
        int filterSize = outputs * channels * taps;
        WideGrid grid = WideGrid.of(d);
        int positions = grid.positions();
        int chunks = Math.min(d.batch(), Parallel.REDUCTION_CHUNKS);
        float[] partials = Scratch.floats(Slot.CALLER_PARTIALS, chunks * filterSize);
        Parallel.forEachTask(chunks, t -> {
            int bufferSize = grid.bufferSize(nr);
            float[] padded = Scratch.floats(Slot.TASK_PADDED, bufferSize);
            Arrays.fill(padded, 0, bufferSize, 0f);
            float[] gradient = Scratch.floats(Slot.TASK_PACKED_B, Packing.packedBSize(positions, outputs, nr));
            float[] tile = Scratch.floats(Slot.TASK_TILE, kernel.rows() * nr);
            int first = Parallel.chunkStart(d.batch(), chunks, t);
            for (int image = first; image < Parallel.chunkStart(d.batch(), chunks, t + 1); image++) {
                grid.copyIn(input, image * d.imageSize(), padded);
                packGradient(outputGradient, image * d.outImageSize(), d, grid.phaseW(), positions, nr, gradient);
                for (int tap = 0; tap < taps; tap++) {
                    int shift = grid.tapShift(tap / d.kernelW(), tap % d.kernelW());
                    PackedGemm.multiplyStridedA(kernel, channels, outputs, positions, 0, channels, padded, shift,
                            grid.channelStride(), 1, gradient, partials, t * filterSize + tap * channels * outputs, outputs,
                            image != first, tile);
                }
            }
        });
        Parallel.forRange(filterSize, MIN_SUM_PER_TASK, (from, to) -> {
            for (int i = from; i < to; i++) {
                int tap = i % taps;
                int c = i / taps % channels;
                int o = i / (taps * channels);
                int at = (tap * channels + c) * outputs + o;
                float sum = partials[at];
                for (int t = 1; t < chunks; t++) {
                    sum += partials[t * filterSize + at];
                }
                dFilter[i] = sum;
            }
        });
        return dFilter;
    }

    /**
     * Packs {@code B[q, o] = dOut[o, q]} over the wide positions {@code q} ({@link Packing#packB}'s layout, depth
     * {@code positions}, {@code outputs} columns), zero where the wide grid holds no output.
     */
    private static void packGradient(float[] dOut, int off, ConvDims d, int width, int positions, int nr,
                                     float[] dst) {
        int outputs = d.outputs();
        int outW = d.outW();
        int nPadded = Packing.roundUp(outputs, nr);
        for (int pc = 0; pc < positions; pc += PackedGemm.KC) {
            int kc = Math.min(PackedGemm.KC, positions - pc);
            for (int jr = 0; jr < nPadded; jr += nr) {
                int panel = pc * nPadded + jr * kc;
                for (int jj = 0; jj < nr; jj++) {
                    int o = jr + jj;
                    int at = panel + jj;
                    if (o >= outputs) {
                        for (int p = 0; p < kc; p++, at += nr) {
                            dst[at] = 0f;
                        }
                        continue;
                    }
                    int row = pc / width;
                    int column = pc % width;
                    int src = off + o * d.outPlane() + row * outW;
                    for (int p = 0; p < kc; p++, at += nr) {
                        dst[at] = column < outW ? dOut[src + column] : 0f;
                        if (++column == width) {
                            column = 0;
                            src += outW;
                        }
                    }
                }
            }
        }
    }
}
