package dev.cnn.api.check;

import java.util.List;

/**
 * The outcome of a {@link GradientCheck}.
 *
 * @param worstRelativeError the largest relative difference found
 * @param tolerance          the largest accepted
 * @param mismatches         the coordinates over the tolerance
 */
public record GradientCheckResult(double worstRelativeError, double tolerance, List<GradientCheck.Mismatch> mismatches) {

    /** Copies the list. */
    public GradientCheckResult {
        mismatches = List.copyOf(mismatches);
    }

    /** Whether every coordinate checked was within the tolerance. */
    public boolean passed() {
        return mismatches.isEmpty();
    }

    /** The worst error and the first few mismatches, for a failure message. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format("worst relative error %.3g (tolerance %.3g)", worstRelativeError, tolerance));
        mismatches.stream().limit(5).forEach(m -> sb.append(String.format("; %s[%d]: backward %.6g, finite difference %.6g",
                m.tensor(), m.index(), m.analytic(), m.numeric())));
        return sb.toString();
    }
}
