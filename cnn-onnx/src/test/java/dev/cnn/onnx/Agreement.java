package dev.cnn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How close two sets of outputs are: the largest {@code |a - b| / max(|a|, |b|)} over values whose magnitude is at
 * least {@value #FLOOR}, and the largest {@code |a - b|} over the smaller ones, where a relative difference says
 * nothing (a probability of 1e-9 against 1.2e-9).
 */
final class Agreement {
    static final double FLOOR = 1e-3;
    static final double TOLERANCE = 1e-4;

    private Agreement() {
    }

    /** The largest relative difference (see the class description), failing when shapes differ. */
    static double maxRelative(float[][] ours, float[][] theirs, String what) {
        assertEquals(ours.length, theirs.length, what + ": rows");
        double worst = 0;
        for (int r = 0; r < ours.length; r++) {
            assertEquals(ours[r].length, theirs[r].length, what + ": values in row " + r);
            for (int i = 0; i < ours[r].length; i++) {
                double a = ours[r][i];
                double b = theirs[r][i];
                assertTrue(Double.isFinite(a) && Double.isFinite(b), what + ": non-finite value at " + r + "," + i);
                double scale = Math.max(Math.abs(a), Math.abs(b));
                double diff = Math.abs(a - b);
                worst = Math.max(worst, scale >= FLOOR ? diff / scale : diff);
            }
        }
        return worst;
    }

    /** Fails unless the outputs agree within {@value #TOLERANCE}; returns the difference. */
    static double assertClose(float[][] ours, float[][] theirs, String what) {
        double d = maxRelative(ours, theirs, what);
        assertTrue(d <= TOLERANCE, what + ": max relative difference " + d + " over " + TOLERANCE);
        return d;
    }
}
