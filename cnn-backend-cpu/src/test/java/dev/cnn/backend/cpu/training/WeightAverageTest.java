package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.layers.BatchNorm;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.optim.Optimizer;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.optim.WeightAverage;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.train.Checkpoint;
import dev.cnn.api.train.Trainer;
import dev.cnn.api.train.TrainingPlan;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The moving average of the weights: its arithmetic, its place in training, and its place in the model file. */
class WeightAverageTest {
    private final Backend cpu = Backends.select("cpu");
    private final Dataset data = Stripes.make(64, 4);

    @TempDir
    Path dir;

    @Test
    void theAverageFollowsTheWeightsWithTheWarmedUpDecay() {
        Parameter w = new Parameter("w", cpu.tensor(new float[] {1f}, Shape.of(1)), true);
        Optimizer sgd = new Optimizer(OptimizerConfig.sgd(0.5, 0), Map.of("w", w)).averageWeights(0.2);
        double average = 1;
        double weight = 1;
        float[] gradients = {1f, -2f, 0.5f, 4f};
        for (int t = 1; t <= gradients.length; t++) {
            w.setGradient(cpu.tensor(new float[] {gradients[t - 1]}, Shape.of(1)));
            sgd.update();
            weight -= 0.5 * gradients[t - 1];
            double d = Math.min(0.2, (1.0 + t) / (10.0 + t));
            average = d * average + (1 - d) * weight;
            assertEquals(weight, w.value().toArray()[0], 1e-6, "the training weight after update " + t);
            assertEquals(average, sgd.average().averaged("w")[0], 1e-6, "the average after update " + t);
        }
        WeightAverage ema = sgd.average();
        try (var swap = ema.averagedIn()) {
            assertEquals(average, w.value().toArray()[0], 1e-6, "swapped in, the network holds the average");
        }
        assertEquals(weight, w.value().toArray()[0], 1e-6, "and gets the training weight back");
        assertEquals(0.5, new Optimizer(OptimizerConfig.sgd(0.1, 0), Map.of()).averageWeights(0.999).average().decayAt(8),
                1e-12, "(1 + 8) / (10 + 8) while it is below the decay");
        assertThrows(IllegalStateException.class, () -> sgd.averageWeights(0.9));
        assertThrows(IllegalArgumentException.class,
                () -> new Optimizer(OptimizerConfig.sgd(0.1, 0), Map.of()).averageWeights(1));
    }

    private Model model() {
        Sequential network = Sequential.builder().setInputShape(Stripes.SHAPE)
                .add(Conv2D.of(4, 3), BatchNorm.of(), new ReLU(), new Flatten(), Dense.of(3)).optSeed(3).build(cpu);
        return new Model(network, Loss.SOFTMAX_CROSS_ENTROPY, data.classNames(), Normalization.identity());
    }

    private Trainer.Builder trainer(Model model, Optimizer optimizer, int epochs) {
        return Trainer.builder().setNetwork(model.network()).setHeads(model.heads()).optOptimizer(optimizer)
                .optEpochs(epochs).optBatchSize(16).optSeed(5).optWeightAverage(0.9);
    }

    @Test
    void afterTrainingTheNetworkAndTheModelFileHoldTheAveragedWeights() throws Exception {
        Model model = model();
        Optimizer adam = new Optimizer(OptimizerConfig.adam(0.01), model.network().parameters());
        trainer(model, adam, 2).build().fit(data, data);
        WeightAverage ema = adam.average();
        assertTrue(ema.isAveragedIn());
        model.network().parameters().forEach((name, p) -> {
            if (p.trainable()) {
                assertArrayEquals(ema.averaged(name), p.value().toArray(), 0f, name);
                assertFalse(Arrays.equals(ema.averaged(name), ema.training(name)), name + " averaged differs");
            }
        });
        Path file = dir.resolve("ema.cnn");
        model.save(file, adam, new TrainingPlan(2, 16, 5, 0, 0, "stripes", 64));
        Model loaded = Model.load(file, cpu);
        model.network().parameters().forEach((name, p) -> assertArrayEquals(p.value().toArray(),
                loaded.network().parameters().get(name).value().toArray(), 0f, name
                        + ": the file's weights are the averaged ones, batch-norm statistics copied"));
    }

    @Test
    void aRunWithAnAverageResumesToTheSameWeightsAndAverages() throws Exception {
        TrainingPlan plan = new TrainingPlan(2, 16, 5, 0, 0, "stripes", 64);
        Model straight = model();
        Optimizer straightAdam = new Optimizer(OptimizerConfig.adam(0.01), straight.network().parameters());
        trainer(straight, straightAdam, 2).build().fit(data, data);

        Model first = model();
        Optimizer adam = new Optimizer(OptimizerConfig.adam(0.01), first.network().parameters());
        Path file = dir.resolve("run.cnn");
        trainer(first, adam, 1).optListener(Checkpoint.everyEpoch(file, first, adam, plan)).build().fit(data, data);
        var resumed = Trainer.resume(file, cpu);
        Optimizer restored = resumed.trainer().build().optimizer();
        assertEquals(0.9, restored.average().decay());
        resumed.trainer().build().fit(data, data);
        straight.network().parameters().forEach((name, p) -> {
            assertArrayEquals(p.value().toArray(), resumed.model().network().parameters().get(name).value().toArray(),
                    0f, name);
            if (p.trainable()) {
                assertArrayEquals(straightAdam.average().training(name), restored.average().training(name), 0f, name);
            }
        });
    }
}
