package dev.cnn.backend.nd4j;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.backend.PoolGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import dev.cnn.backend.cpu.CpuBackend;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Median milliseconds per kernel, ND4J against the pure-Java reference, in one run: a batch of 64
 * 1x28x28 images, 20 5x5 filters, then a 2x2 max-pool (the first layers of the MNIST conv net).
 * Run with the test classpath: {@code java -cp ... dev.cnn.backend.nd4j.KernelTimings [repetitions]}.
 */
public final class KernelTimings {
    private static final Shape INPUT = Shape.of(64, 1, 28, 28);
    private static final Shape FILTER = Shape.of(20, 1, 5, 5);
    private static final ConvGeometry CONV = new ConvGeometry(1, 1, 0, 0);
    private static final PoolGeometry POOL = PoolGeometry.square(2);

    private KernelTimings() {
    }

    public static void main(String[] args) {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Backend[] backends = {new Nd4jBackendProvider().create(), new CpuBackend()};
        String[] kernels = {"conv2d", "conv2dBackwardData", "conv2dBackwardFilter", "maxPool2d", "maxPool2dBackward"};
        double[][] medians = new double[backends.length][];
        for (int b = 0; b < backends.length; b++) {
            medians[b] = timeAll(backends[b], repetitions);
        }
        System.out.printf("%-22s %10s %10s %8s%n", "kernel (median ms)", "nd4j", "cpu", "cpu/nd4j");
        for (int k = 0; k < kernels.length; k++) {
            System.out.printf("%-22s %10.2f %10.2f %8.2f%n", kernels[k], medians[0][k], medians[1][k],
                    medians[1][k] / medians[0][k]);
        }
    }

    private static double[] timeAll(Backend backend, int repetitions) {
        Random random = new Random(1);
        Tensor input = backend.tensor(randoms(random, INPUT.size()), INPUT);
        Tensor filter = backend.tensor(randoms(random, FILTER.size()), FILTER);
        Tensor output = backend.conv2d(input, filter, CONV);
        Tensor pooled = backend.maxPool2d(output, POOL);
        return new double[] {
            median(repetitions, () -> backend.conv2d(input, filter, CONV)),
            median(repetitions, () -> backend.conv2dBackwardData(output, filter, CONV, INPUT)),
            median(repetitions, () -> backend.conv2dBackwardFilter(input, output, CONV, FILTER)),
            median(repetitions, () -> backend.maxPool2d(output, POOL)),
            median(repetitions, () -> backend.maxPool2dBackward(output, pooled, POOL)),
        };
    }

    private static double median(int repetitions, Supplier<Tensor> kernel) {
        for (int i = 0; i < 3; i++) {
            kernel.get();
        }
        double[] millis = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            kernel.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[repetitions / 2];
    }

    private static float[] randoms(Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
