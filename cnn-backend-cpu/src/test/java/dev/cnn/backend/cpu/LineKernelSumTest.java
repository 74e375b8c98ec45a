package dev.cnn.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The line kernels' sums ({@link LineKernel#sum}, {@link LineKernel#centeredProductSum}) against a plain double sum,
 * at lengths around the vector width and the vector kernel's block of float partial sums, with offsets.
 */
class LineKernelSumTest {
    private static final LineKernel[] KERNELS = {MicroKernels.LINES, new ScalarLineKernel()};

    @Test
    void sumsMatchADoubleSumAtEveryLength() {
        Random random = new Random(5);
        for (int n : new int[] {0, 1, 3, 15, 16, 17, 31, 32, 33, 49, 64, 196, 784, 2047, 2048, 2049, 4097, 12544}) {
            int off = random.nextInt(7);
            float[] x = new float[off + n + 3];
            float[] y = new float[off + n + 3];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (random.nextGaussian() + 0.5);
                y[i] = (float) (random.nextGaussian() - 0.25);
            }
            float cx = 0.4f;
            float cy = -0.3f;
            double sum = 0.0;
            double products = 0.0;
            double magnitude = 0.0;
            for (int q = 0; q < n; q++) {
                sum += x[off + q];
                products += (double) (x[off + q] - cx) * (y[off + q] - cy);
                magnitude += Math.abs(x[off + q]) + Math.abs((double) (x[off + q] - cx) * (y[off + q] - cy));
            }
            double tolerance = 1e-6 * magnitude + 1e-9;
            for (LineKernel kernel : KERNELS) {
                String label = kernel.getClass().getSimpleName() + " n=" + n;
                assertEquals(sum, kernel.sum(x, off, n), tolerance, label + " sum");
                assertEquals(products, kernel.centeredProductSum(x, off, cx, y, off, cy, n), tolerance,
                        label + " centred products");
            }
        }
    }

    @Test
    void sumsDoNotReadPastTheLine() {
        float[] x = {1f, 2f, 3f, Float.NaN};
        for (LineKernel kernel : KERNELS) {
            assertEquals(6.0, kernel.sum(x, 0, 3), 0.0);
            assertEquals(14.0, kernel.centeredProductSum(x, 0, 0f, x, 0, 0f, 3), 0.0);
        }
    }
}
