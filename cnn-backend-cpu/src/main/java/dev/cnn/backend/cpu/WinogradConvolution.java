package dev.cnn.backend.cpu;

import dev.cnn.backend.cpu.Scratch.Slot;
import java.util.Arrays;

/**
 * 3x3 convolutions with stride 1 and padding 1, forward and backward-data, by Winograd's F(2x2, 3x3): each 2x2 block
 * of outputs comes from its 4x4 input tile through sixteen products instead of thirty-six. The filter becomes
 * {@code U = G g G^T} and each input tile {@code V = B^T d B}, sixteen 4x4 values a (channel, tile); for each of the
 * sixteen positions one matrix product {@code M = U V} sums over the input channels, with the backend's micro-kernel;
 * then {@code Y = A^T M A} gives the outputs. Tiles are taken a micro-kernel's width at a time, so the transformed
 * tiles and the products stay in the cache between the three steps.
 *
 * <p>Each image is copied once into its four 2x2 phase images ({@link WideGrid} with stride 2), where a tile's sixteen
 * pixels sit at the same place in each phase's rows, so the input transform reads whole vectors of consecutive tiles.
 * Every output is one fixed sum over the channels in order, so results do not depend on threads.
 */
final class WinogradConvolution {
    /**
     * Whether it runs: yes unless {@code -Dcnn.cpu.winograd=false}, which measures the wide grid for comparison;
     * timings set it to compare the two in one process.
     */
    static volatile boolean enabled = !"false".equals(System.getProperty("cnn.cpu.winograd"));
    private static final WinogradTransforms TRANSFORMS = MicroKernels.choose("VectorWinogradTransforms", null);

    private WinogradConvolution() {
    }

    /**
     * Whether a convolution runs here: 3x3, stride 1, padding 1, maps of at least {@link #MIN_SIZE}, and at least 32
     * channels both ways. Each product sums over the input channels only, and the transforms cost per channel what a
     * product costs per channel pair, so narrow layers gain nothing. Against the wide grid, on one thread's processor
     * time (WideConvTimings winograd with -Dtimings.cpu=true, Zen 4, batch 64, forward / forward with bias and ReLU /
     * backward-data): vgg-small's 32 -> 32 at 28x28 1.17 / 1.21 / 1.24x, 32 -> 64 at 14x14 1.27 / 1.26 / 1.27x, 64 -> 64
     * 1.38 / 1.38 / 1.40x, resnet-small's 32 -> 32 at 14x14 1.18x each; but its 16 -> 16 at 28x28 0.84 / 0.81 / 0.92x.
     */
    static boolean applies(ConvDims d) {
        return enabled && TRANSFORMS != null && d.kernelH() == 3 && d.kernelW() == 3 && d.strideH() == 1
                && d.strideW() == 1 && d.padH() == 1 && d.padW() == 1 && d.channels() >= MIN_CHANNELS
                && d.outputs() >= MIN_CHANNELS && d.outH() >= MIN_SIZE && d.outW() >= MIN_SIZE;
    }

    private static final int MIN_CHANNELS = 32;

    /** Smaller maps leave too many tiles half outside the image. */
    private static final int MIN_SIZE = 8;

    /** {@code out[n] = filter * input[n] (+ bias)}, overwriting {@code out}, with a ReLU after when asked. */
    static float[] forward(float[] input, float[] filter, float[] bias, ConvDims d, float[] out, boolean relu) {
        float[] packed = transformFilter(filter, d.outputs(), d.channels(), false);
        run(input, packed, bias, d, out, false, relu);
        return out;
    }

    /** {@code dInput[n] += the full correlation of dOut[n] with the flipped filter}; {@code dInput} starts as zeros. */
    static float[] backwardData(float[] outputGradient, float[] filter, ConvDims d, float[] dInput) {
        float[] packed = transformFilter(filter, d.channels(), d.outputs(), true);
        ConvDims transposed = new ConvDims(d.batch(), d.outputs(), d.outH(), d.outW(), d.channels(), 3, 3,
                d.height(), d.width(), 1, 1, 1, 1);
        run(outputGradient, packed, null, transposed, dInput, true, false);
        return dInput;
    }

    /**
     * {@code U = G g G^T} of each (row, step) filter, packed as the micro-kernel's {@code A}: position {@code xi}'s
     * {@code rows x steps} matrix at {@code xi * roundUp(rows, mr) * steps}. With {@code transposed}, row {@code r}
     * step {@code s} is the flipped filter of output {@code s} and input {@code r} (backward-data).
     */
    private static float[] transformFilter(float[] filter, int rows, int steps, boolean transposed) {
        int mr = MicroKernels.SELECTED.rows();
        int rowsPadded = Packing.roundUp(rows, mr);
        int xiStride = rowsPadded * steps;
        float[] packed = Scratch.floats(Slot.CALLER_PACKED_A, 16 * xiStride);
        Arrays.fill(packed, 0, 16 * xiStride, 0f);
        float[] g = new float[9];
        float[] gg = new float[12];
        for (int r = 0; r < rows; r++) {
            for (int s = 0; s < steps; s++) {
                int from = transposed ? (s * rows + r) * 9 : (r * steps + s) * 9;
                for (int i = 0; i < 9; i++) {
                    g[i] = filter[transposed ? from + 8 - i : from + i];
                }
                for (int j = 0; j < 3; j++) {
                    float a = g[j];
                    float b = g[3 + j];
                    float c = g[6 + j];
                    gg[j] = a;
                    gg[3 + j] = 0.5f * (a + b + c);
                    gg[6 + j] = 0.5f * (a - b + c);
                    gg[9 + j] = c;
                }
                int at = r / mr * mr * steps + r % mr + s * mr;
                for (int i = 0; i < 4; i++) {
                    float a = gg[3 * i];
                    float b = gg[3 * i + 1];
                    float c = gg[3 * i + 2];
                    packed[(4 * i) * xiStride + at] = a;
                    packed[(4 * i + 1) * xiStride + at] = 0.5f * (a + b + c);
                    packed[(4 * i + 2) * xiStride + at] = 0.5f * (a - b + c);
                    packed[(4 * i + 3) * xiStride + at] = c;
                }
            }
        }
        return packed;
    }

    private static void run(float[] input, float[] packed, float[] bias, ConvDims d, float[] out, boolean add,
                            boolean relu) {
        MicroKernel kernel = MicroKernels.SELECTED;
        int mr = kernel.rows();
        int nr = kernel.cols();
        int channels = d.channels();
        int outputs = d.outputs();
        int rowsPadded = Packing.roundUp(outputs, mr);
        int xiStride = rowsPadded * channels;
        int tilesH = (d.outH() + 1) / 2;
        int tilesW = (d.outW() + 1) / 2;
        WideGrid grid = WideGrid.of(new ConvDims(d.batch(), channels, d.height(), d.width(), outputs, 4, 4,
                tilesH, tilesW, 2, 2, 1, 1));
        int pw = grid.phaseW();
        int tiles = (tilesH - 1) * pw + tilesW;
        int plane = Packing.roundUp(tiles, nr);
        int chunks = Conv2dKernels.chunksFor(d.batch());
        // The sixteen positions' blocks a cache line more than a multiple of 4 KB apart: at 32 channels exactly 4 KB
        // apart, the input transform's sixteen stores went to one set of the L1 cache and took 20.8 us an image of
        // vgg-small's 32 -> 32 at 28x28.
        int vStride = channels * nr + 16;
        int mStride = rowsPadded * nr + 16;
        Parallel.forEachTask(chunks, task -> {
            int bufferSize = grid.bufferSize(nr) + pw + 1;
            float[] phases = Scratch.floats(Slot.TASK_PADDED, bufferSize);
            Arrays.fill(phases, 0, bufferSize, 0f);
            float[] v = Scratch.floats(Slot.TASK_PACKED_B, 16 * vStride);
            float[] m = Scratch.floats(Slot.TASK_TILE, 16 * mStride);
            float[] outPhases = Scratch.floats(Slot.TASK_COLUMNS, 4 * outputs * plane);
            int first = Parallel.chunkStart(d.batch(), chunks, task);
            int last = Parallel.chunkStart(d.batch(), chunks, task + 1);
            for (int image = first; image < last; image++) {
                grid.copyIn(input, image * d.imageSize(), phases);
                for (int t = 0; t < tiles; t += nr) {
                    TRANSFORMS.input(phases, channels, grid.channelStride(), grid.phaseStride(), pw, t, v, nr, vStride);
                    for (int xi = 0; xi < 16; xi++) {
                        for (int ir = 0; ir < rowsPadded; ir += mr) {
                            kernel.multiply(channels, packed, xi * xiStride + ir * channels, v, xi * vStride,
                                    m, xi * mStride + ir * nr, nr, false);
                        }
                    }
                    TRANSFORMS.output(m, outputs, mStride, nr, outPhases, plane, t);
                }
                copyOut(outPhases, plane, pw, d, bias, out, image * d.outImageSize(), add, relu);
            }
        });
    }

    /** The four output phases of each channel, interleaved into {@code out[outOff...]}, with bias, added or ReLU'd. */
    private static void copyOut(float[] phases, int plane, int pw, ConvDims d, float[] bias, float[] out, int outOff,
                                boolean add, boolean relu) {
        int outputs = d.outputs();
        int outW = d.outW();
        for (int o = 0; o < outputs; o++) {
            float b = bias == null ? 0f : bias[o];
            for (int y = 0; y < d.outH(); y++) {
                int row = outOff + (o * d.outH() + y) * outW;
                int even = ((y & 1) * 2 * outputs + o) * plane + (y >> 1) * pw;
                int odd = even + outputs * plane;
                TRANSFORMS.interleave(phases, even, phases, odd, out, row, outW, b, add);
            }
        }
        if (relu) {
            // The vectors' max(0) took 5 ms more than this for a batch of vgg-small's 32 -> 64 (Java 17, Zen 4).
            Activations.reluInPlace(out, outOff, d.outImageSize());
        }
    }
}
