package dev.cnn.tck;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Arrays;

/**
 * Compares a tensor of the backend under test with the reference's and fails with a message that
 * reads on its own: kernel, case, tolerance, the first differing element (multi-index, expected,
 * actual), how many differ, and the largest difference.
 */
public final class Agreement {
    private Agreement() {
    }

    /** Fails unless {@code actual} has {@code expected}'s shape and every value within {@code tolerance}. */
    public static void assertAgree(String kernel, Object testCase, Tolerance tolerance, Tensor expected, Tensor actual) {
        assertAgree(kernel, testCase, tolerance, expected.shape(), expected.toArray(), actual.shape(), actual.toArray());
    }

    /** As {@link #assertAgree(String, Object, Tolerance, Tensor, Tensor)}, on plain arrays. */
    public static void assertAgree(String kernel, Object testCase, Tolerance tolerance,
                                   Shape expectedShape, float[] expected, Shape actualShape, float[] actual) {
        if (!expectedShape.equals(actualShape) || expected.length != actual.length) {
            throw new AssertionError(header(kernel, testCase, tolerance)
                    + "\n  shape: expected " + expectedShape + ", actual " + actualShape);
        }
        int first = -1;
        int differing = 0;
        int worst = -1;
        double worstDifference = -1;
        for (int i = 0; i < expected.length; i++) {
            if (!tolerance.allows(expected[i], actual[i])) {
                differing++;
                if (first < 0) {
                    first = i;
                }
                double difference = Math.abs((double) actual[i] - expected[i]);
                if (Double.isNaN(difference) || difference > worstDifference) {
                    worstDifference = Double.isNaN(difference) ? Double.POSITIVE_INFINITY : difference;
                    worst = i;
                }
            }
        }
        if (first >= 0) {
            throw new AssertionError(header(kernel, testCase, tolerance)
                    + "\n  first difference at " + Arrays.toString(multiIndex(expectedShape, first))
                    + " (flat " + first + "): expected " + expected[first] + ", actual " + actual[first]
                    + "\n  " + differing + " of " + expected.length + " elements differ; largest difference "
                    + worstDifference + " at " + Arrays.toString(multiIndex(expectedShape, worst))
                    + " (expected " + expected[worst] + ", actual " + actual[worst] + ")");
        }
    }

    /** Fails unless the scalars agree within {@code tolerance}. */
    public static void assertAgree(String kernel, Object testCase, Tolerance tolerance, double expected, double actual) {
        if (!tolerance.allows(expected, actual)) {
            throw new AssertionError(header(kernel, testCase, tolerance)
                    + "\n  expected " + expected + ", actual " + actual);
        }
    }

    /** Fails when a kernel changed an input it must only read. */
    public static void assertUnchanged(String kernel, Object testCase, Shape shape, float[] before, float[] after) {
        int i = Arrays.mismatch(before, after);
        if (i >= 0) {
            throw new AssertionError(kernel + " modified one of its inputs " + shape + "\n  case: " + testCase
                    + "\n  first change at " + Arrays.toString(multiIndex(shape, Math.min(i, before.length - 1)))
                    + (i < before.length && i < after.length ? ": was " + before[i] + ", now " + after[i] : ""));
        }
    }

    /** The row-major multi-index of flat position {@code flat} in {@code shape}. */
    public static int[] multiIndex(Shape shape, int flat) {
        int[] index = new int[shape.rank()];
        for (int axis = shape.rank() - 1; axis >= 0; axis--) {
            index[axis] = flat % shape.dim(axis);
            flat /= shape.dim(axis);
        }
        return index;
    }

    private static String header(String kernel, Object testCase, Tolerance tolerance) {
        return kernel + " disagrees with the reference backend (tolerance " + tolerance + ")\n  case: " + testCase;
    }
}
