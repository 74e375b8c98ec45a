package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backends;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.Progress;
import dev.cnn.api.train.ProgressListener;
import dev.cnn.api.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressListenerTest {
    private Trainer.Builder trainer(List<Progress> seen) {
        return Trainer.builder().setNetwork(TrainerTest.smallConvNet(Backends.select("cpu"), 1))
                .setLoss(Loss.SOFTMAX_CROSS_ENTROPY).setOptimizer(OptimizerConfig.adam(0.01)).optBatchSize(25)
                .optEpochs(2).optListener(new ProgressListener(seen::add));
    }

    @Test
    void everyBatchIsReportedWithTheFractionDoneAndTheTimeLeft() {
        List<Progress> seen = new ArrayList<>();
        trainer(seen).build().fit(Stripes.make(100, 1), null);
        assertEquals(8, seen.size(), "2 epochs of 4 batches");
        for (int i = 0; i < seen.size(); i++) {
            Progress p = seen.get(i);
            assertEquals((i + 1) / 8.0, p.fractionDone(), 1e-12);
            assertTrue(p.secondsLeft() >= 0 && Double.isFinite(p.secondsLeft()), p.toString());
            assertTrue(p.loss() > 0 && p.imagesPerSecond() > 0, p.toString());
        }
        assertEquals(0.0, seen.get(7).secondsLeft());
        assertEquals(2, seen.get(7).epoch());
    }

    @Test
    void aResumedRunCountsOnlyItsOwnBatches() {
        List<Progress> seen = new ArrayList<>();
        trainer(seen).optInitialStep(6).build().fit(Stripes.make(100, 1), null);
        assertEquals(2, seen.size(), "batches 3 and 4 of epoch 2");
        assertEquals(3, seen.get(0).batch());
        assertEquals(7 / 8.0, seen.get(0).fractionDone(), 1e-12);
        assertTrue(Double.isFinite(seen.get(0).secondsLeft()));
    }
}
