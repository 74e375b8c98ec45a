package dev.cnn.backend.cpu;

import dev.cnn.backend.cpu.Scratch.Slot;
import java.util.Arrays;

/**
 * Stride-1 convolutions with padding, forward and backward-data, computed without lowering anything: each image is
 * copied once into a zero-bordered buffer, and the output is computed on a "wide" grid whose
 * rows are as long as the padded rows. On that grid, filter tap {@code (c, ki, kj)} reads, for consecutive output
 * positions, consecutive elements of the padded image starting at {@code c * channelStride + ki * paddedW + kj}, so the
 * micro-kernel loads its {@code B} vectors straight from the image through a table of tap offsets
 * ({@link MicroKernel#multiplyOffsetB}). The {@code kernelW - 1} columns at the end of each wide row read across the
 * border and are dropped when the wide result is copied out.
 *
 * <p>Backward-data is the same convolution of the output gradient, padded by {@code kernel - 1 - pad}, with the
 * filter transposed (input and output channels swapped) and flipped in both directions.
 *
 * <p>It replaces the lowering of {@link Conv2dKernels}, which wrote nine floats per input value for a 3x3 filter and
 * read them back: on vgg-small's 3x3 layers that copying was about as long as the multiply. Every output element is
 * one sum over the taps in filter order, so results do not depend on threads.
 */
final class WideConvolution {
    /** Whether the wide paths run; timings set it to compare them with the lowering in one process. */
    static volatile boolean enabled = true;

    private WideConvolution() {
    }

    /** Whether forward runs here: stride 1 both ways, with padding (without, {@link UnpaddedPacking} lowers cheaply). */
    static boolean applies(ConvDims d) {
        return enabled && d.strideH() == 1 && d.strideW() == 1 && (d.padH() > 0 || d.padW() > 0);
    }

    /**
     * Whether backward-data runs here: as {@link #applies}, with padding no wider than the filter less one, and at
     * least a tile's rows of input channels (its outputs here; with fewer, most of each tile would be wasted).
     */
    static boolean appliesBackwardData(ConvDims d) {
        return applies(d) && d.padH() < d.kernelH() && d.padW() < d.kernelW()
                && d.channels() >= MicroKernels.SELECTED.rows();
    }

    /** {@code out[n] = filter * input[n] (+ bias)}, overwriting {@code out}. */
    static float[] forward(float[] input, float[] filter, float[] bias, ConvDims d, float[] out) {
        int mr = MicroKernels.SELECTED.rows();
        int m = d.outputs();
        int k = d.patchSize();
        float[] packed = Scratch.floats(Slot.CALLER_PACKED_A, Packing.roundUp(m, mr) * k);
        for (int i = 0; i < m; i++) {
            int panel = i / mr * mr * k + i % mr;
            for (int p = 0; p < k; p++) {
                packed[panel + p * mr] = filter[i * k + p];
            }
        }
        zeroPaddingRows(packed, m, k, mr);
        run(input, packed, bias, d, out, false);
        return out;
    }

    /** {@code dInput[n] += the full correlation of dOut[n] with the flipped filter}; {@code dInput} starts as zeros. */
    static float[] backwardData(float[] outputGradient, float[] filter, ConvDims d, float[] dInput) {
        int mr = MicroKernels.SELECTED.rows();
        int channels = d.channels();
        int outputs = d.outputs();
        int taps = d.kernelH() * d.kernelW();
        int k = outputs * taps;
        float[] packed = Scratch.floats(Slot.CALLER_PACKED_A, Packing.roundUp(channels, mr) * k);
        for (int c = 0; c < channels; c++) {
            int panel = c / mr * mr * k + c % mr;
            for (int o = 0; o < outputs; o++) {
                int from = (o * channels + c) * taps + taps - 1;
                for (int t = 0; t < taps; t++) {
                    packed[panel + (o * taps + t) * mr] = filter[from - t];
                }
            }
        }
        zeroPaddingRows(packed, channels, k, mr);
        ConvDims transposed = new ConvDims(d.batch(), outputs, d.outH(), d.outW(), channels, d.kernelH(),
                d.kernelW(), d.height(), d.width(), 1, 1, d.kernelH() - 1 - d.padH(), d.kernelW() - 1 - d.padW());
        run(outputGradient, packed, null, transposed, dInput, true);
        return dInput;
    }

    /** Positions of the wide grid that hold outputs: every padded row but the last is whole. */
    static int widePositions(ConvDims d) {
        return (d.outH() - 1) * paddedWidth(d) + d.outW();
    }

    /** Floats of one padded image plus the slack that the last wide tile reads past its end. */
    static int paddedBufferSize(ConvDims d, int nr) {
        return d.channels() * channelStride(d) + nr;
    }

    /**
     * How far apart the padded channels lie: a plane, and 16 floats more when a plane is a multiple of 64 floats, as
     * for 14x14 maps padded to 16x16; planes of 1 KiB put the rows that one tile reads of every fourth channel in the
     * same sets of the L1 cache (vgg-small's 14x14 forward pass ran at 24 GFLOP/s against 58 at 28x28).
     */
    static int channelStride(ConvDims d) {
        int plane = paddedPlane(d);
        return plane % 64 == 0 ? plane + 16 : plane;
    }

    /** Copies image {@code in[inOff...]} into the interior of {@code padded}, laid out by {@link #channelStride}. */
    static void copyIn(float[] in, int inOff, ConvDims d, float[] padded) {
        int width = paddedWidth(d);
        int stride = channelStride(d);
        for (int c = 0; c < d.channels(); c++) {
            int src = inOff + c * d.height() * d.width();
            int dst = c * stride + d.padH() * width + d.padW();
            for (int h = 0; h < d.height(); h++, src += d.width(), dst += width) {
                ConvPacking.copyRun(in, src, padded, dst, d.width());
            }
        }
    }

    static int paddedWidth(ConvDims d) {
        return d.width() + 2 * d.padW();
    }

    static int paddedPlane(ConvDims d) {
        return (d.height() + 2 * d.padH()) * paddedWidth(d);
    }

    private static void run(float[] input, float[] aPacked, float[] bias, ConvDims d, float[] out, boolean add) {
        MicroKernel kernel = MicroKernels.SELECTED;
        int mr = kernel.rows();
        int nr = kernel.cols();
        int mPadded = Packing.roundUp(d.outputs(), mr);
        int k = d.patchSize();
        int positions = widePositions(d);
        int ldw = Packing.roundUp(positions, nr);
        int chunks = Conv2dKernels.chunksFor(d.batch());
        Parallel.forEachTask(chunks, t -> {
            float[] padded = Scratch.floats(Slot.TASK_PADDED, paddedBufferSize(d, nr));
            Arrays.fill(padded, 0, paddedBufferSize(d, nr), 0f);
            float[] wide = Scratch.floats(Slot.TASK_COLUMNS, mPadded * ldw);
            int[] taps = tapOffsets(d);
            for (int image = Parallel.chunkStart(d.batch(), chunks, t); image < Parallel.chunkStart(d.batch(), chunks, t + 1); image++) {
                copyIn(input, image * d.imageSize(), d, padded);
                for (int jr = 0; jr < positions; jr += nr) {
                    for (int ir = 0; ir < mPadded; ir += mr) {
                        kernel.multiplyOffsetB(k, aPacked, ir * k, padded, jr, taps, wide, ir * ldw + jr, ldw, false);
                    }
                }
                copyOut(wide, ldw, d, bias, out, image * d.outImageSize(), add);
            }
        });
    }

    /** For each tap {@code (c, ki, kj)} in filter order, where it reads in the padded image, in this thread's index buffer. */
    private static int[] tapOffsets(ConvDims d) {
        int[] taps = Scratch.ints(d.patchSize());
        int width = paddedWidth(d);
        int plane = channelStride(d);
        int r = 0;
        for (int c = 0; c < d.channels(); c++) {
            for (int ki = 0; ki < d.kernelH(); ki++) {
                for (int kj = 0; kj < d.kernelW(); kj++) {
                    taps[r++] = c * plane + ki * width + kj;
                }
            }
        }
        return taps;
    }

    /** Copies the outputs of the wide grid to {@code out[outOff...]}, adding the bias, or adding onto {@code out}. */
    private static void copyOut(float[] wide, int ldw, ConvDims d, float[] bias, float[] out, int outOff, boolean add) {
        int width = paddedWidth(d);
        int outW = d.outW();
        for (int o = 0; o < d.outputs(); o++) {
            for (int oh = 0; oh < d.outH(); oh++) {
                int src = o * ldw + oh * width;
                int dst = outOff + (o * d.outH() + oh) * outW;
                if (add) {
                    ConvPacking.addRun(wide, src, out, dst, outW);
                } else if (bias != null) {
                    float b = bias[o];
                    for (int x = 0; x < outW; x++) {
                        out[dst + x] = wide[src + x] + b;
                    }
                } else {
                    ConvPacking.copyRun(wide, src, out, dst, outW);
                }
            }
        }
    }

    private static void zeroPaddingRows(float[] packed, int m, int k, int mr) {
        for (int i = m; i < Packing.roundUp(m, mr); i++) {
            int panel = i / mr * mr * k + i % mr;
            for (int p = 0; p < k; p++) {
                packed[panel + p * mr] = 0f;
            }
        }
    }
}
