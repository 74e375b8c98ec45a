package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.optim.Optimizer;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.BatchReport;
import dev.cnn.api.train.BatchTransform;
import dev.cnn.api.train.Checkpoint;
import dev.cnn.api.train.EpochReport;
import dev.cnn.api.train.Resumption;
import dev.cnn.api.train.RunStart;
import dev.cnn.api.train.Trainer;
import dev.cnn.api.train.TrainingControl;
import dev.cnn.api.train.TrainingHistory;
import dev.cnn.api.train.TrainingListener;
import dev.cnn.api.train.TrainingPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run checkpointed every few steps and cut off in the middle of an epoch continues, through {@link Trainer#resume},
 * to the very weights of the run that was never cut off, augmentation included.
 */
class CheckpointResumeTest {
    private final Backend cpu = Backends.select("cpu");
    private final Dataset data = Stripes.make(100, 2);
    private final TrainingPlan plan = new TrainingPlan(3, 16, 11, 0, 0, "stripes", 100);
    private final BatchTransform noise = (features, shape, random) -> {
        for (int i = 0; i < features.length; i++) {
            features[i] += (float) (0.05 * random.nextGaussian());
        }
    };

    @TempDir
    Path dir;

    private Model model() {
        Sequential network = TrainerTest.smallConvNet(cpu, 3);
        return new Model(network, Loss.SOFTMAX_CROSS_ENTROPY, data.classNames(), Normalization.identity());
    }

    private Trainer.Builder trainer(Model model, Optimizer optimizer) {
        return Trainer.builder().setNetwork(model.network()).setHeads(model.heads()).optOptimizer(optimizer)
                .optEpochs(plan.epochs()).optBatchSize(plan.batchSize()).optSeed(plan.seed()).optBatchTransform(noise);
    }

    private static Optimizer adam(Model model) {
        return new Optimizer(OptimizerConfig.adam(0.01), model.network().parameters());
    }

    @Test
    void aRunCutOffMidEpochResumesToTheSameWeights() throws Exception {
        Model straight = model();
        trainer(straight, adam(straight)).build().fit(data, null);

        Model cut = model();
        Optimizer optimizer = adam(cut);
        Path file = dir.resolve("run.cnn");
        List<Long> written = new ArrayList<>();
        Checkpoint checkpoint = Checkpoint.everySteps(5, file, cut, optimizer, plan)
                .withListener((f, steps, epochs) -> written.add(steps));
        TrainingListener powerCut = new TrainingListener() {
            @Override
            public void onBatchEnd(BatchReport report, TrainingControl control) {
                if (optimizer.step() == 13) {
                    throw new IllegalStateException("power cut");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> trainer(cut, optimizer).optListener(checkpoint, powerCut).build()
                .fit(data, null));
        assertEquals(List.of(5L, 7L, 10L), written, "every 5 steps and at the end of epoch 1 (7 batches)");

        Resumption resumed = Trainer.resume(file, cpu);
        assertEquals(plan, resumed.plan());
        resumed.trainer().optBatchTransform(noise).build().fit(data, null);
        straight.network().parameters().forEach((name, p) -> assertArrayEquals(p.value().toArray(),
                resumed.model().network().parameters().get(name).value().toArray(), 0f, name));
    }

    @Test
    void listenersHearEveryBeginAndEndWithMetricsByName() {
        Model model = model();
        List<String> events = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onRunBegin(RunStart run) {
                events.add("run " + run.epochs() + " x " + run.batchesPerEpoch());
            }

            @Override
            public void onEpochBegin(int epoch, int epochs) {
                events.add("epoch " + epoch);
            }

            @Override
            public void onBatchBegin(int epoch, int batch, int batches) {
                events.add("batch " + batch);
            }

            @Override
            public void onEpochEnd(EpochReport report, TrainingControl control) {
                events.add("end " + report.metrics().keySet());
            }

            @Override
            public void onRunEnd(TrainingHistory history) {
                events.add("done " + history.epochs().size());
            }
        };
        trainer(model, adam(model)).optEpochs(1).optBatchSize(50).optListener(recorder).build().fit(data, data);
        assertEquals(List.of("run 1 x 2", "epoch 1", "batch 1", "batch 2",
                "end [loss, accuracy, val_loss, val_accuracy, images_per_second, seconds, learning_rate]", "done 1"), events);
    }

    @Test
    void aPlainModelIsNoCheckpoint() throws Exception {
        Path file = dir.resolve("plain.cnn");
        model().save(file);
        var e = assertThrows(IllegalArgumentException.class, () -> Trainer.resume(file, cpu));
        assertTrue(e.getMessage().contains("is not the checkpoint of a training run"), e.getMessage());
    }
}
