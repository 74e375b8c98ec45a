package dev.cnn.backend.cpu;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Prints median timings of the kernels that dominate training the {@code conv-20-40} preset at
 * batch 64, and the GFLOP/s of a 512x512x512 matmul next to a naive triple loop measured in the
 * same run. A main program, not a test: run it from the test classpath.
 */
public final class KernelTimings {
    private static final CpuBackend BACKEND = new CpuBackend();
    private static volatile float sink;

    private KernelTimings() {
    }

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "threads: %d, java %s%n", Parallel.parallelism(), System.getProperty("java.version"));
        Random random = new Random(1);
        ConvGeometry valid = new ConvGeometry(1, 1, 0, 0);
        convLayer("conv1 [64,1,28,28] * [20,1,5,5]", random, Shape.of(64, 1, 28, 28), Shape.of(20, 1, 5, 5), valid);
        convLayer("conv2 [64,20,12,12] * [40,20,5,5]", random, Shape.of(64, 20, 12, 12), Shape.of(40, 20, 5, 5), valid);

        Tensor x = TestData.tensor(random, 64, 640);
        Tensor w = TestData.tensor(random, 640, 100);
        report("dense [64,640]x[640,100]", median(30, () -> BACKEND.matmul(x, false, w, false)));

        int size = 512;
        Tensor a = TestData.tensor(random, size, size);
        Tensor b = TestData.tensor(random, size, size);
        double fastMs = median(15, () -> BACKEND.matmul(a, false, b, false));
        float[] aa = a.toArray();
        float[] bb = b.toArray();
        double naiveMs = median(5, () -> naiveMatmul(aa, bb, size));
        double flop = 2.0 * size * size * size;
        System.out.printf(Locale.ROOT, "matmul 512^3: %.1f ms = %.2f GFLOP/s; naive triple loop %.1f ms = %.2f GFLOP/s; speed-up %.1fx%n",
                fastMs, flop / fastMs / 1e6, naiveMs, flop / naiveMs / 1e6, naiveMs / fastMs);
    }

    private static void convLayer(String label, Random random, Shape input, Shape filter, ConvGeometry g) {
        Tensor x = BACKEND.tensor(TestData.uniform(random, input.size()), input);
        Tensor f = BACKEND.tensor(TestData.uniform(random, filter.size()), filter);
        Shape out = g.outputShape(input, filter);
        Tensor dy = BACKEND.tensor(TestData.uniform(random, out.size()), out);
        report(label + " forward", median(30, () -> BACKEND.conv2d(x, f, g)));
        report(label + " backward-data", median(30, () -> BACKEND.conv2dBackwardData(dy, f, g, input)));
        report(label + " backward-filter", median(30, () -> BACKEND.conv2dBackwardFilter(x, dy, g, filter)));
    }

    private static void report(String label, double ms) {
        System.out.printf(Locale.ROOT, "%-50s %8.2f ms%n", label, ms);
    }

    /** Median wall time in ms of {@code runs} calls, after as many warm-up calls. */
    private static double median(int runs, Supplier<Object> work) {
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
        return ms[runs / 2];
    }

    private static void consume(Object result) {
        if (result instanceof Tensor t) {
            sink += t.shape().size();
        } else if (result instanceof float[] f) {
            sink += f[0];
        }
    }

    private static float[] naiveMatmul(float[] a, float[] b, int n) {
        float[] c = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < n; p++) {
                    s += a[i * n + p] * b[p * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }
}
