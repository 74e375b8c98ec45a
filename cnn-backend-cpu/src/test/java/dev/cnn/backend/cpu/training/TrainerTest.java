package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.optim.OptimizerTypes;
import dev.cnn.api.train.EarlyStopping;
import dev.cnn.api.train.EpochReport;
import dev.cnn.api.train.Trainer;
import dev.cnn.api.train.TrainingDivergedException;
import dev.cnn.api.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private final Backend cpu = Backends.select("cpu");

    static Sequential smallConvNet(Backend backend, long seed) {
        return Sequential.builder().setInputShape(Stripes.SHAPE)
                .add(Conv2D.of(4, 3), new ReLU(), MaxPool2D.of(2), new Flatten(), Dense.of(3))
                .optSeed(seed).build(backend);
    }

    private Trainer.Builder trainer(Sequential network, OptimizerConfig optimizer) {
        return Trainer.builder().setNetwork(network).setLoss(Loss.SOFTMAX_CROSS_ENTROPY).setOptimizer(optimizer)
                .optBatchSize(16).optSeed(3);
    }

    @Test
    void learnsTheStripesWithEveryOptimizer() {
        Dataset data = Stripes.make(300, 1);
        for (OptimizerConfig optimizer : List.of(OptimizerConfig.sgd(0.05, 0.9), OptimizerConfig.sgd(0.05, 0.9).withNesterov(true),
                OptimizerConfig.adam(0.01), OptimizerConfig.adamW(0.01, 0.01), OptimizerConfig.rmsProp(0.005))) {
            var history = trainer(smallConvNet(cpu, 1), optimizer).optEpochs(8).build().fit(data, Stripes.make(100, 2));
            assertTrue(history.last().validationAccuracy() > 0.9, OptimizerTypes.idOf(optimizer) + " reached only " + history.last());
            assertTrue(history.last().trainLoss() < history.epochs().get(0).trainLoss(), OptimizerTypes.idOf(optimizer) + " did not lower the loss");
        }
    }

    @Test
    void sameSeedGivesIdenticalWeights() {
        Dataset data = Stripes.make(100, 1);
        Sequential a = smallConvNet(cpu, 5);
        Sequential b = smallConvNet(cpu, 5);
        trainer(a, OptimizerConfig.adam(0.01)).optEpochs(2).build().fit(data, null);
        trainer(b, OptimizerConfig.adam(0.01)).optEpochs(2).build().fit(data, null);
        a.parameters().forEach((name, p) -> assertArrayEquals(p.value().toArray(), b.parameters().get(name).value().toArray(), name));
    }

    @Test
    void nanLossStopsTrainingNamingEpochAndBatch() {
        Dataset clean = Stripes.make(64, 1);
        float[] pixels = new float[64 * 64];
        java.util.Arrays.fill(pixels, Float.NaN);
        Dataset poisoned = new Dataset(Stripes.SHAPE, pixels, clean.labels(), clean.classNames());
        var e = assertThrows(TrainingDivergedException.class,
                () -> trainer(smallConvNet(cpu, 1), OptimizerConfig.adam(0.01)).build().fit(poisoned, null));
        assertTrue(e.getMessage().matches("the loss became NaN at epoch 1, batch 1 of 4 .*"), e.getMessage());
        assertTrue(e.getMessage().contains("lower the learning rate"), e.getMessage());
    }

    @Test
    void aLossGrowingByOrdersOfMagnitudeStopsTrainingAsANaNLossDoes() {
        Dataset data = Stripes.make(64, 1);
        for (OptimizerConfig optimizer : List.of(OptimizerConfig.adam(1e4), OptimizerConfig.rmsProp(1e4),
                OptimizerConfig.adam(1e9))) {
            var e = assertThrows(TrainingDivergedException.class,
                    () -> trainer(smallConvNet(cpu, 1), optimizer).optEpochs(3).build().fit(data, null),
                    OptimizerTypes.idOf(optimizer) + " at " + optimizer.learningRate() + " trained to the end");
            assertTrue(e.getMessage().matches("the loss (grew from \\S+ to \\S+, more than 1000 times its start: training"
                    + " diverged|became NaN) at epoch \\d, batch \\d of 4 \\(learning rate .*\\); lower the learning rate.*"),
                    e.getMessage());
        }
    }

    @Test
    void aLossRisingModestlyDoesNotStopTraining() {
        Dataset data = Stripes.make(64, 1);
        // plain SGD a little too fast for these stripes: the loss moves up and down, never by orders of magnitude
        var history = trainer(smallConvNet(cpu, 1), OptimizerConfig.sgd(0.5, 0.9)).optEpochs(4).build().fit(data, null);
        assertEquals(4, history.epochs().size());
    }

    @Test
    void earlyStoppingEndsTrainingBeforeThePlannedEpochs() {
        Dataset data = Stripes.make(64, 1);
        List<EpochReport> seen = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochReport report, dev.cnn.api.train.TrainingControl control) {
                seen.add(report);
            }
        };
        // a learning rate this small cannot improve validation accuracy for long
        var history = trainer(smallConvNet(cpu, 1), OptimizerConfig.sgd(1e-9, 0)).optEpochs(50)
                .optListener(record, new EarlyStopping(2)).build().fit(data, data);
        assertTrue(history.epochs().size() < 50, "ran all " + history.epochs().size() + " epochs");
        assertEquals(seen.size(), history.epochs().size());
        assertTrue(history.stopReason().orElseThrow().startsWith("early stopping"), history.stopReason().toString());
    }

    @Test
    void anEmptyTrainingSetIsRefusedInsteadOfTrainingOnNothing() {
        Dataset empty = Stripes.make(0, 1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> trainer(smallConvNet(cpu, 1), OptimizerConfig.adam(0.01)).build().fit(empty, null));
        assertTrue(e.getMessage().contains("the training dataset is empty"), e.getMessage());
    }
}
