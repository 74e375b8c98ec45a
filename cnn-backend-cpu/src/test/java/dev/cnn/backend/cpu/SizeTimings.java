package dev.cnn.backend.cpu;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Prints the GFLOP/s of each matrix-multiply kernel of training {@code conv-20-40} at batch 64 for 28, 56 and 112
 * pixel inputs (or the sizes given as arguments), to see which kernel loses speed as images grow. A main program,
 * not a test: run it from the test classpath.
 */
public final class SizeTimings {
    private static final CpuBackend BACKEND = new CpuBackend();
    private static final int BATCH = 64;
    private static volatile float sink;

    private SizeTimings() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {28, 56, 112} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf(Locale.ROOT, "threads %d, L2 %d KiB, block %d floats%n", Parallel.parallelism(),
                CacheBlocks.L2_BYTES / 1024, CacheBlocks.blockFloats);
        Random random = new Random(1);
        ConvGeometry valid = new ConvGeometry(1, 1, 0, 0);
        for (int px : sizes) {
            int p1 = (px - 4) / 2;
            int p2 = (p1 - 4) / 2;
            conv(px + " conv1", random, Shape.of(BATCH, 1, px, px), Shape.of(20, 1, 5, 5), valid, false);
            elementWise(px + " conv1 output", random, Shape.of(BATCH, 20, px - 4, px - 4));
            conv(px + " conv2", random, Shape.of(BATCH, 20, p1, p1), Shape.of(40, 20, 5, 5), valid, true);
            int in = 40 * p2 * p2;
            Tensor x = TestData.tensor(random, BATCH, in);
            Tensor w = TestData.tensor(random, in, 100);
            Tensor dy = TestData.tensor(random, BATCH, 100);
            double flop = 2.0 * BATCH * in * 100;
            report(px + " dense forward", flop, () -> BACKEND.matmul(x, false, w, false));
            report(px + " dense backward-data", flop, () -> BACKEND.matmul(dy, false, w, true));
            report(px + " dense backward-weight", flop, () -> BACKEND.matmul(x, true, dy, false));
        }
        System.out.println(sink == 0.5f ? "" : "done");
    }

    /** ReLU and 2x2 max pooling on an activation of {@code shape}, in ns per element (reported as "GFLOP/s" of elements). */
    private static void elementWise(String label, Random random, Shape shape) {
        Tensor x = BACKEND.tensor(TestData.uniform(random, shape.size()), shape);
        Tensor dy = BACKEND.tensor(TestData.uniform(random, shape.size()), shape);
        dev.cnn.api.backend.PoolGeometry pool = new dev.cnn.api.backend.PoolGeometry(2, 2, 2, 2, 0, 0);
        Tensor pooled = BACKEND.maxPool2d(x, pool);
        Tensor dPooled = BACKEND.tensor(TestData.uniform(random, pooled.shape().size()), pooled.shape());
        double elements = shape.size();
        report(label + " relu (G el/s)", elements, () -> BACKEND.relu(x));
        report(label + " relu backward", elements, () -> BACKEND.reluBackward(x, dy));
        report(label + " maxpool", elements, () -> BACKEND.maxPool2d(x, pool));
        report(label + " maxpool backward", elements, () -> BACKEND.maxPool2dBackward(x, dPooled, pool));
    }

    private static void conv(String label, Random random, Shape input, Shape filter, ConvGeometry g, boolean data) {
        Tensor x = BACKEND.tensor(TestData.uniform(random, input.size()), input);
        Tensor f = BACKEND.tensor(TestData.uniform(random, filter.size()), filter);
        Shape out = g.outputShape(input, filter);
        Tensor dy = BACKEND.tensor(TestData.uniform(random, out.size()), out);
        double flop = 2.0 * out.size() * filter.size() / filter.dim(0);
        report(label + " forward", flop, () -> BACKEND.conv2d(x, f, g));
        if (data) {
            report(label + " backward-data", flop, () -> BACKEND.conv2dBackwardData(dy, f, g, input));
        }
        report(label + " backward-filter", flop, () -> BACKEND.conv2dBackwardFilter(x, dy, g, filter));
    }

    private static void report(String label, double flop, Supplier<Object> work) {
        int runs = (int) Math.max(3, Math.min(30, 2e9 / flop));
        for (int i = 0; i < runs; i++) {
            consume(work.get());
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            consume(work.get());
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        double best = ms[0];
        System.out.printf(Locale.ROOT, "%-32s %8.2f ms best %6.1f GFLOP/s (median %8.2f ms)%n", label, best,
                flop / best / 1e6, ms[runs / 2]);
    }

    private static void consume(Object result) {
        if (result instanceof Tensor t) {
            sink += t.shape().size();
        }
    }
}
