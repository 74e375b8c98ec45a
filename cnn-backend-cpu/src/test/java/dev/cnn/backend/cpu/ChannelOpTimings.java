package dev.cnn.backend.cpu;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Locale;
import java.util.Random;

/**
 * Times the per-channel operations that batch normalisation runs (sums, centred product sums, scale-shift,
 * scale-add) on vgg-small's and resnet-small's largest activations at batch 64, and prints each one's minimum over the
 * calls and its rate in floats read per nanosecond. A main program, not a test.
 */
public final class ChannelOpTimings {
    private static final CpuBackend BACKEND = new CpuBackend();

    private ChannelOpTimings() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Random random = new Random(1);
        for (Shape shape : new Shape[] {Shape.of(64, 32, 28, 28), Shape.of(64, 16, 28, 28), Shape.of(64, 64, 7, 7)}) {
            Tensor x = BACKEND.tensor(TestData.uniform(random, shape.size()), shape);
            Tensor y = BACKEND.tensor(TestData.uniform(random, shape.size()), shape);
            Tensor out = BACKEND.tensor(new float[shape.size()], shape);
            Tensor c = BACKEND.tensor(TestData.uniform(random, shape.dim(1)), Shape.of(shape.dim(1)));
            Tensor sums = BACKEND.tensor(new float[shape.dim(1)], Shape.of(shape.dim(1)));
            String label = shape.toString();
            time(label + " sum", shape.size(), calls, () -> BACKEND.sumPerChannelInto(x, sums));
            time(label + " centred products", 2L * shape.size(), calls,
                    () -> BACKEND.sumOfCenteredProductsPerChannel(x, c, y, c));
            time(label + " scale-shift", shape.size(), calls, () -> BACKEND.scaleShiftPerChannelInto(x, c, c, out));
            time(label + " scale-add", 2L * shape.size(), calls,
                    () -> BACKEND.scaleAddPerChannelInto(x, c, y, c, c, out));
        }
    }

    private static void time(String label, long floats, int calls, Runnable op) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            op.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf(Locale.ROOT, "%-40s %8.3f ms %6.2f floats/ns%n", label, best / 1e6, floats / (double) best);
    }
}
