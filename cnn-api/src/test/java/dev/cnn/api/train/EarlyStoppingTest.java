package dev.cnn.api.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    private static EpochReport epoch(int n, double validationAccuracy) {
        return new EpochReport(n, 10, 0.5, 0.9, 0.4, validationAccuracy, 100, 1, 1e-3);
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovement() {
        EarlyStopping stopping = new EarlyStopping(2);
        TrainingControl control = new TrainingControl();
        stopping.onEpochEnd(epoch(1, 0.90), control);
        stopping.onEpochEnd(epoch(2, 0.92), control);
        stopping.onEpochEnd(epoch(3, 0.91), control);
        assertTrue(control.stopReason().isEmpty(), "one epoch without improvement is within patience 2");
        stopping.onEpochEnd(epoch(4, 0.92), control);
        assertEquals("early stopping: no improvement for 2 epochs", control.stopReason().orElseThrow());
    }

    @Test
    void anImprovementResetsThePatience() {
        EarlyStopping stopping = new EarlyStopping(2);
        TrainingControl control = new TrainingControl();
        stopping.onEpochEnd(epoch(1, 0.90), control);
        stopping.onEpochEnd(epoch(2, 0.89), control);
        stopping.onEpochEnd(epoch(3, 0.95), control);
        stopping.onEpochEnd(epoch(4, 0.94), control);
        assertTrue(control.stopReason().isEmpty());
    }
}
