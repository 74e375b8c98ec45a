package dev.cnn.backend.cpu;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Locale;
import java.util.Random;

/**
 * Times vgg-small's and resnet-small's padded 3x3 convolutions at batch 64 on the wide paths ({@link WideConvolution},
 * {@link WideFilterGradient}) against the lowering, alternating the two in one process so that machine noise falls
 * on both (with {@code narrow}: backward-filter's one-vector tiles against two-vector ones), and prints each pass's minimum over the calls and its GFLOP/s. A main program, not a test.
 */
public final class WideConvTimings {
    private static final CpuBackend BACKEND = new CpuBackend();
    /** Compare backward-filter's one-vector tiles with two-vector ones instead of the wide grid with the lowering. */
    private static boolean narrow;
    /** Compare Winograd's F(2x2, 3x3) with the wide grid instead of the wide grid with the lowering. */
    private static boolean winograd;

    private WideConvTimings() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Random random = new Random(1);
        ConvGeometry same = new ConvGeometry(1, 1, 1, 1);
        if (args.length > 1 && args[1].equals("winograd")) {
            winograd = true;
            layer("vgg conv2 32->32 28x28", random, Shape.of(64, 32, 28, 28), Shape.of(32, 32, 3, 3), same, calls);
            layer("vgg conv3 32->64 14x14", random, Shape.of(64, 32, 14, 14), Shape.of(64, 32, 3, 3), same, calls);
            layer("vgg conv4 64->64 14x14", random, Shape.of(64, 64, 14, 14), Shape.of(64, 64, 3, 3), same, calls);
            layer("resnet 16->16 28x28", random, Shape.of(64, 16, 28, 28), Shape.of(16, 16, 3, 3), same, calls);
            layer("resnet 32->32 14x14", random, Shape.of(64, 32, 14, 14), Shape.of(32, 32, 3, 3), same, calls);
            return;
        }
        if (args.length > 1 && args[1].equals("narrow")) {
            narrow = true;
            layer("resnet 16->16 28x28", random, Shape.of(64, 16, 28, 28), Shape.of(16, 16, 3, 3), same, calls);
            layer("resnet project 16->32 1x1 /2", random, Shape.of(64, 16, 28, 28), Shape.of(32, 16, 1, 1),
                    new ConvGeometry(2, 2, 0, 0), calls);
            layer("resnet stem 1->16 28x28", random, Shape.of(64, 1, 28, 28), Shape.of(16, 1, 3, 3), same, calls);
            return;
        }
        if (args.length > 1 && args[1].equals("small")) {
            layer("resnet 64->64 7x7", random, Shape.of(64, 64, 7, 7), Shape.of(64, 64, 3, 3), same, calls);
            return;
        }
        if (args.length > 1 && args[1].equals("valid")) {
            ConvGeometry valid = new ConvGeometry(1, 1, 0, 0);
            layer("conv-20-40 conv1 1->20 28x28 5x5", random, Shape.of(64, 1, 28, 28), Shape.of(20, 1, 5, 5), valid,
                    calls);
            layer("conv-20-40 conv2 20->40 12x12 5x5", random, Shape.of(64, 20, 12, 12), Shape.of(40, 20, 5, 5),
                    valid, calls);
            return;
        }
        if (args.length > 1) {
            ConvGeometry half = new ConvGeometry(2, 2, 1, 1);
            layer("resnet 16->32 28x28 /2", random, Shape.of(64, 16, 28, 28), Shape.of(32, 16, 3, 3), half, calls);
            layer("resnet 32->64 14x14 /2", random, Shape.of(64, 32, 14, 14), Shape.of(64, 32, 3, 3), half, calls);
            ConvGeometry project = new ConvGeometry(2, 2, 0, 0);
            layer("resnet project 16->32 1x1 /2", random, Shape.of(64, 16, 28, 28), Shape.of(32, 16, 1, 1), project,
                    calls);
            return;
        }
        layer("vgg conv1 1->32 28x28", random, Shape.of(64, 1, 28, 28), Shape.of(32, 1, 3, 3), same, calls);
        layer("vgg conv2 32->32 28x28", random, Shape.of(64, 32, 28, 28), Shape.of(32, 32, 3, 3), same, calls);
        layer("vgg conv3 32->64 14x14", random, Shape.of(64, 32, 14, 14), Shape.of(64, 32, 3, 3), same, calls);
        layer("vgg conv4 64->64 14x14", random, Shape.of(64, 64, 14, 14), Shape.of(64, 64, 3, 3), same, calls);
        layer("resnet 16->16 28x28", random, Shape.of(64, 16, 28, 28), Shape.of(16, 16, 3, 3), same, calls);
        layer("resnet 32->32 14x14", random, Shape.of(64, 32, 14, 14), Shape.of(32, 32, 3, 3), same, calls);

    }

    private static void layer(String label, Random random, Shape input, Shape filter, ConvGeometry g, int calls) {
        Tensor x = BACKEND.tensor(TestData.uniform(random, input.size()), input);
        Tensor f = BACKEND.tensor(TestData.uniform(random, filter.size()), filter);
        Shape out = g.outputShape(input, filter);
        Tensor dy = BACKEND.tensor(TestData.uniform(random, out.size()), out);
        double flop = 2.0 * out.size() * filter.size() / filter.dim(0);
        compare(label + " forward", flop, calls, () -> BACKEND.conv2d(x, f, g));
        if (winograd) {
            Tensor bias = BACKEND.tensor(TestData.uniform(random, filter.dim(0)), Shape.of(filter.dim(0)));
            Tensor y = BACKEND.zeros(out);
            compare(label + " forward, bias, ReLU", flop, calls,
                    () -> BACKEND.conv2dWithBiasReluInto(x, f, bias, g, y));
        }
        compare(label + " backward-data", flop, calls, () -> BACKEND.conv2dBackwardData(dy, f, g, input));
        compare(label + " backward-filter", flop, calls, () -> BACKEND.conv2dBackwardFilter(x, dy, g, filter));
    }

    /**
     * The wall clock, or with {@code -Dtimings.cpu=true} this thread's processor time, which a busy machine does not
     * inflate (run it with {@code -XX:ActiveProcessorCount=1}, so that the calling thread does all the work).
     */
    private static long now() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static final boolean CPU_TIME = Boolean.getBoolean("timings.cpu");
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static void compare(String label, double flop, int calls, Runnable pass) {
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int i = 0; i < 2 * calls + 6; i++) {
            int which = i % 2;
            if (winograd) {
                WinogradConvolution.enabled = which == 1;
            } else if (narrow) {
                MicroKernels.narrowTiles = which == 1;
            } else {
                WideConvolution.enabled = which == 1;
            }
            long start = now();
            pass.run();
            double ms = (now() - start) / 1e6;
            if (i >= 6) {
                best[which] = Math.min(best[which], ms);
            }
        }
        WideConvolution.enabled = true;
        WinogradConvolution.enabled = true;
        MicroKernels.narrowTiles = true;
        System.out.printf(Locale.ROOT, winograd ? "%-42s wide %7.2f ms %5.1f GFLOP/s   winograd %7.2f ms %5.1f GFLOP/s   %.2fx%n"
                : narrow ? "%-42s 2 vectors %7.2f ms %5.1f GFLOP/s   narrow %7.2f ms %5.1f GFLOP/s   %.2fx%n"
                : "%-42s lowered %7.2f ms %5.1f GFLOP/s   wide %7.2f ms %5.1f GFLOP/s   %.2fx%n",
                label, best[0], flop / best[0] / 1e6, best[1], flop / best[1] / 1e6, best[0] / best[1]);
    }
}
