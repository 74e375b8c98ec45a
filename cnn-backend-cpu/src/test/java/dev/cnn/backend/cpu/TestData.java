package dev.cnn.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Random;

/** Random inputs and tolerant comparisons shared by the tests. */
final class TestData {
    static final CpuBackend BACKEND = new CpuBackend();

    private TestData() {
    }

    static float[] uniform(Random random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = random.nextFloat() * 2f - 1f;
        }
        return x;
    }

    static Tensor tensor(Random random, int... dims) {
        Shape shape = Shape.of(dims);
        return BACKEND.tensor(uniform(random, shape.size()), shape);
    }

    /** Distinct values at least 0.1 apart, in random order, so no max is tied or near-tied. */
    static float[] distinct(Random random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (i - size / 2) * 0.1f;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
        return x;
    }

    /** Every element within {@code relTol} of the largest expected magnitude (at least 1). */
    static void assertClose(double[] expected, float[] actual, double relTol) {
        assertEquals(expected.length, actual.length, "length");
        double scale = 1.0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= relTol * scale)) {
                fail("element " + i + ": expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }

    static void assertClose(double[] expected, Tensor actual, Shape shape, double relTol) {
        assertEquals(shape, actual.shape(), "shape");
        assertClose(expected, actual.toArray(), relTol);
    }

    /** The values as doubles, the form {@link #assertClose} expects. */
    static double[] widen(float[] values) {
        double[] wide = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            wide[i] = values[i];
        }
        return wide;
    }
}
