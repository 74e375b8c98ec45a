package dev.cnn.cli.bench;

import java.util.List;

/** The middle of a list of measurements: unlike the mean, one disturbed round cannot move it far. */
public final class Median {
    private Median() {
    }

    /** The middle value of {@code values}, or the mean of the two middle ones when there is an even number. */
    public static double of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
