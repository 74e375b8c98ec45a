package dev.cnn.backend.cpu;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Times the depthwise and pointwise halves of separable-small's separable convolutions at batch 64, each pass's
 * minimum over the calls with its GFLOP/s. A main program, not a test.
 */
public final class SeparableTimings {
    private static final CpuBackend BACKEND = new CpuBackend();
    private static volatile float sink;

    private SeparableTimings() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Random random = new Random(1);
        layer("sep1 32->64 28x28", random, 32, 64, 28, calls);
        layer("sep2 64->128 14x14", random, 64, 128, 14, calls);
        layer("sep3 128->128 14x14", random, 128, 128, 14, calls);
    }

    private static void layer(String label, Random random, int channels, int filters, int side, int calls) {
        Shape input = Shape.of(64, channels, side, side);
        Shape depthwise = Shape.of(channels, 1, 3, 3);
        Shape pointwise = Shape.of(filters, channels, 1, 1);
        ConvGeometry same = new ConvGeometry(1, 1, 1, 1);
        ConvGeometry one = new ConvGeometry(1, 1, 0, 0);
        Tensor x = BACKEND.tensor(TestData.uniform(random, input.size()), input);
        Tensor fd = BACKEND.tensor(TestData.uniform(random, depthwise.size()), depthwise);
        Tensor fp = BACKEND.tensor(TestData.uniform(random, pointwise.size()), pointwise);
        Shape outShape = Shape.of(64, filters, side, side);
        Tensor dy = BACKEND.tensor(TestData.uniform(random, outShape.size()), outShape);
        double depthwiseFlop = 2.0 * input.size() * 9;
        double pointwiseFlop = 2.0 * outShape.size() * channels;
        time(label + " depthwise forward", depthwiseFlop, calls, () -> BACKEND.depthwiseConv2d(x, fd, same));
        time(label + " depthwise backward-data", depthwiseFlop, calls,
                () -> BACKEND.depthwiseConv2dBackwardData(x, fd, same, input));
        time(label + " depthwise backward-filter", depthwiseFlop, calls,
                () -> BACKEND.depthwiseConv2dBackwardFilter(x, x, same, depthwise));
        time(label + " pointwise forward", pointwiseFlop, calls, () -> BACKEND.conv2d(x, fp, one));
        time(label + " pointwise backward-data", pointwiseFlop, calls,
                () -> BACKEND.conv2dBackwardData(dy, fp, one, input));
        time(label + " pointwise backward-filter", pointwiseFlop, calls,
                () -> BACKEND.conv2dBackwardFilter(x, dy, one, pointwise));
    }

    private static void time(String label, double flop, int calls, Supplier<Tensor> pass) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < calls + 5; i++) {
            long start = System.nanoTime();
            sink += pass.get().shape().size();
            double ms = (System.nanoTime() - start) / 1e6;
            if (i >= 5) {
                best = Math.min(best, ms);
            }
        }
        System.out.printf(Locale.ROOT, "%-46s %7.2f ms %6.1f GFLOP/s%n", label, best, flop / best / 1e6);
    }
}
