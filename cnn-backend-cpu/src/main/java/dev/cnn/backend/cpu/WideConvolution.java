package dev.cnn.backend.cpu;

import dev.cnn.backend.cpu.Scratch.Slot;
import java.util.Arrays;

/**
 * Convolutions with padding or a stride, forward, and stride-1 backward-data, computed without lowering anything: each
 * image is copied once into the zero-bordered phase images of a {@link WideGrid}, on which every filter tap reads
 * consecutive floats for consecutive output positions, so the micro-kernel loads its {@code B} vectors straight from
 * the image through a table of tap offsets ({@link MicroKernel#multiplyOffsetB}). The positions of the wide grid that
 * hold no output are dropped when the result is copied out.
 *
 * <p>Backward-data is the same convolution of the output gradient, padded by {@code kernel - 1 - pad}, with the
 * filter transposed (input and output channels swapped) and flipped in both directions.
 *
 * <p>It replaces the lowering of {@link Conv2dKernels}, which wrote nine floats per input value for a 3x3 filter and
 * read them back: on vgg-small's 3x3 layers that copying was about as long as the multiply. Every output element is
 * one sum over the taps in filter order, so results do not depend on threads.
 */
final class WideConvolution {
    /**
     * Whether the wide paths run: yes unless {@code -Dcnn.cpu.wide=false}, which measures the lowering for comparison;
     * timings set it to compare the two in one process.
     */
    static volatile boolean enabled = !"false".equals(System.getProperty("cnn.cpu.wide"));

    private WideConvolution() {
    }

    /**
     * Whether forward runs here: every convolution but a 1x1 one without padding or stride (whose lowering is a plain
     * copy), with a filter at least as large as the stride, so that every phase image is read (a 1x1 projection with
     * stride 2 reads one of four: on resnet-small's it ran at 0.35-0.41x of the lowering, where its 3x3 stride-2
     * convolutions ran at 1.3-1.8x). Without padding too: conv-20-40's 5x5 valid convolutions ran at 1.17-1.20x.
     */
    static boolean applies(ConvDims d) {
        boolean plainOneByOne = d.kernelH() * d.kernelW() == 1 && d.strideH() == 1 && d.strideW() == 1
                && d.padH() == 0 && d.padW() == 0;
        return enabled && !plainOneByOne && d.kernelH() >= d.strideH() && d.kernelW() >= d.strideW();
    }

    /**
     * Whether backward-filter runs on the wide grid: as {@link #appliesBackward}, on maps of at least 100 outputs.
     * On resnet-small's 7x7 maps (64 -> 64 channels) each tap's product sums only 61 wide positions, and the wide
     * pass ran at 66.8 GFLOP/s against the lowering's 82.2-111 (WideConvTimings small, Zen 4); at 14x14 it won 1.45x.
     */
    static boolean appliesBackwardFilter(ConvDims d) {
        return appliesBackward(d) && d.outH() * d.outW() >= 100;
    }

    /**
     * Whether a backward pass runs on the wide grid: stride 1 with padding, but no more than the filter size less one,
     * and at least a tile's rows of input channels (the rows of backward-data's tiles, and of backward-filter's; with
     * fewer, most of each tile would be wasted). Without padding, backward-data would convolve a gradient padded by the
     * filter size less one, mostly zeros: conv-20-40's conv2 ran at 0.59x of the lowering, its backward-filter at 0.86x.
     * With stride 2, backward-filter on phase images ran at 0.9-1.3x on resnet-small's layers, inside the noise.
     */
    static boolean appliesBackward(ConvDims d) {
        return enabled && d.strideH() == 1 && d.strideW() == 1 && (d.padH() > 0 || d.padW() > 0)
                && d.padH() < d.kernelH() && d.padW() < d.kernelW() && d.channels() >= MicroKernels.SELECTED.rows();
    }

    /** {@code out[n] = filter * input[n] (+ bias)}, overwriting {@code out}. */
    static float[] forward(float[] input, float[] filter, float[] bias, ConvDims d, float[] out, boolean relu) {
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
        run(input, packed, bias, d, out, false, relu);
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
        run(outputGradient, packed, null, transposed, dInput, true, false);
        return dInput;
    }

    private static void run(float[] input, float[] aPacked, float[] bias, ConvDims d, float[] out, boolean add,
                            boolean relu) {
        MicroKernel kernel = MicroKernels.SELECTED;
        int mr = kernel.rows();
        int nr = kernel.cols();
        int mPadded = Packing.roundUp(d.outputs(), mr);
        int k = d.patchSize();
        WideGrid grid = WideGrid.of(d);
        int positions = grid.positions();
        int ldw = Packing.roundUp(positions, nr);
        int chunks = Conv2dKernels.chunksFor(d.batch());
        Parallel.forEachTask(chunks, t -> {
            float[] padded = Scratch.floats(Slot.TASK_PADDED, grid.bufferSize(nr));
            Arrays.fill(padded, 0, grid.bufferSize(nr), 0f);
            float[] wide = Scratch.floats(Slot.TASK_COLUMNS, mPadded * ldw);
            int[] taps = grid.tapOffsets();
            for (int image = Parallel.chunkStart(d.batch(), chunks, t); image < Parallel.chunkStart(d.batch(), chunks, t + 1); image++) {
                grid.copyIn(input, image * d.imageSize(), padded);
                for (int jr = 0; jr < positions; jr += nr) {
                    for (int ir = 0; ir < mPadded; ir += mr) {
                        kernel.multiplyOffsetB(k, aPacked, ir * k, padded, jr, taps, wide, ir * ldw + jr, ldw, false);
                    }
                }
                copyOut(wide, ldw, grid, bias, out, image * d.outImageSize(), add);
                if (relu) {
                    Activations.reluInPlace(out, image * d.outImageSize(), d.outImageSize());
                }
            }
        });
    }

    /** Copies the outputs of the wide grid to {@code out[outOff...]}, adding the bias, or adding onto {@code out}. */
    private static void copyOut(float[] wide, int ldw, WideGrid grid, float[] bias, float[] out, int outOff,
                                boolean add) {
        ConvDims d = grid.d();
        int width = grid.phaseW();
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
