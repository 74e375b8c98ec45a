package dev.cnn.api.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The divergence guard stops a run whose loss is NaN, infinite or has grown by orders of magnitude over its start, and
 * lets ordinary training through: a loss that falls, rises by a few times in an epoch, or has one bad batch.
 */
class DivergenceGuardTest {

    private static void feed(DivergenceGuard guard, double... losses) {
        for (int i = 0; i < losses.length; i++) {
            guard.check(losses[i], "at step " + (i + 1));
        }
    }

    @Test
    void aNonFiniteLossStopsTheRunAtOnce() {
        var e = assertThrows(TrainingDivergedException.class, () -> feed(new DivergenceGuard(), 2.3, Double.NaN));
        assertTrue(e.getMessage().startsWith("the loss became NaN at step 2; lower the learning rate"), e.getMessage());
        assertThrows(TrainingDivergedException.class, () -> feed(new DivergenceGuard(), Double.POSITIVE_INFINITY));
    }

    @Test
    void aLossGrowingByOrdersOfMagnitudeStopsTheRun() {
        DivergenceGuard guard = new DivergenceGuard();
        double[] exploding = {2.3, 40, 9e3, 3.8e7, 2e12, 3.8e20};
        var e = assertThrows(TrainingDivergedException.class, () -> feed(guard, exploding));
        assertTrue(e.getMessage().startsWith("the loss grew from 2.300 to "), e.getMessage());
        assertTrue(e.getMessage().contains("more than 1000 times its start: training diverged at step "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; lower the learning rate, check the inputs are normalised, and start again"),
                e.getMessage());
    }

    @Test
    void ordinaryTrainingIsNotStopped() {
        DivergenceGuard falling = new DivergenceGuard();
        for (int i = 0; i < 5_000; i++) {
            falling.check(2.3 * Math.exp(-i / 500.0) + 1e-4, "at step " + i);
        }
        // a loss rising a few times within an epoch, as with a learning rate a little too high
        assertDoesNotThrow(() -> feed(new DivergenceGuard(), 2.3, 1.9, 2.8, 4.5, 9.0, 14, 20, 12, 8, 6, 30, 25));
        // one bad batch among good ones
        assertDoesNotThrow(() -> feed(new DivergenceGuard(), 2.3, 2.1, 2.0, 900, 1.9, 1.8, 1.7));
        // a run resumed near zero loss: growth is measured from at least 1, not from 0.001
        assertDoesNotThrow(() -> feed(new DivergenceGuard(), 0.001, 0.002, 0.5, 3.0, 0.01, 0.8, 0.002));
    }
}
