package dev.cnn.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What partitions send back to the driver in one step (or one round of local steps), summed by
 * {@code treeAggregate}: a vector weighted by the images it came from (gradients, or parameters after local steps),
 * the optimizer state likewise weighted (parameter averaging only), the loss summed over images, the images and how
 * many were classified right, and the longest compute time of any one partition.
 */
final class Contribution implements Serializable {
    private static final long serialVersionUID = 1L;

    float[] weightedSum;
    Map<String, float[]> weightedState = new LinkedHashMap<>();
    double lossSum;
    long images;
    long correct;
    long steps;
    long longestComputeNanos;

    /** The empty contribution, the zero of the sum. */
    static Contribution zero() {
        return new Contribution();
    }

    /** Adds {@code values} times {@code weight} to {@code sum}, allocating it when null. */
    static float[] addScaled(float[] sum, float[] values, float weight) {
        float[] out = sum == null ? new float[values.length] : sum;
        for (int i = 0; i < values.length; i++) {
            out[i] += weight * values[i];
        }
        return out;
    }

    /** This plus {@code other}, reusing this one's arrays. */
    Contribution plus(Contribution other) {
        if (other.weightedSum != null) {
            if (weightedSum == null) {
                weightedSum = other.weightedSum;
            } else {
                addScaled(weightedSum, other.weightedSum, 1f);
            }
        }
        other.weightedState.forEach((name, values) -> weightedState.merge(name, values, (a, b) -> addScaled(a, b, 1f)));
        lossSum += other.lossSum;
        images += other.images;
        correct += other.correct;
        steps = Math.max(steps, other.steps);
        longestComputeNanos = Math.max(longestComputeNanos, other.longestComputeNanos);
        return this;
    }
}
