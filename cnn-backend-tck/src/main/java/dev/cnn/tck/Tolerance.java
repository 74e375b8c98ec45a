package dev.cnn.tck;

/**
 * How far a backend's value may be from the reference's: {@code |actual - expected| <= absolute +
 * relative * |expected|}. NaN agrees only with NaN, and an infinity only with the same infinity.
 *
 * @param absolute the allowed difference near zero
 * @param relative the allowed difference as a fraction of the expected value
 */
public record Tolerance(double absolute, double relative) {

    /** Bit-for-bit up to the last float rounding: for kernels that only move or select values. */
    public static final Tolerance EXACT = new Tolerance(0, 0);

    /** A tolerance with the given absolute and relative parts. */
    public static Tolerance of(double absolute, double relative) {
        return new Tolerance(absolute, relative);
    }

    /** Whether {@code actual} is close enough to {@code expected}. */
    public boolean allows(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return expected == actual;
        }
        return Math.abs(actual - expected) <= absolute + relative * Math.abs(expected);
    }

    @Override
    public String toString() {
        return "|actual - expected| <= " + absolute + " + " + relative + " * |expected|";
    }
}
