package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.layer.LayerTypes;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.optim.Optimizer;
import dev.cnn.api.optim.Sgd;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.train.Checkpoint;
import dev.cnn.api.train.Trainer;
import dev.cnn.api.train.TrainingPlan;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SGD with Nesterov momentum and decoupled weight decay: its steps by hand, its JSON, and an exact resume. */
class NesterovSgdTest {
    private final Backend cpu = Backends.select("cpu");

    @TempDir
    Path dir;

    private float[] twoSteps(Sgd config) {
        Parameter w = new Parameter("w", cpu.tensor(new float[] {1f, -2f}, Shape.of(2)), true);
        Optimizer optimizer = new Optimizer(config, Map.of("w", w));
        w.setGradient(cpu.tensor(new float[] {0.5f, 0.25f}, Shape.of(2)));
        optimizer.update();
        w.setGradient(cpu.tensor(new float[] {-1f, 0.5f}, Shape.of(2)));
        optimizer.update();
        return w.value().toArray();
    }

    @Test
    void nesterovWithDecoupledDecayTakesTheStepsOfItsDefinition() {
        double lr = 0.1, mu = 0.9, wd = 0.05;
        double[] w = {1, -2};
        double[] v = {0, 0};
        double[][] grads = {{0.5, 0.25}, {-1, 0.5}};
        for (double[] g : grads) {
            for (int i = 0; i < 2; i++) {
                double before = w[i];
                v[i] = mu * v[i] + g[i];
                w[i] = before - lr * (g[i] + mu * v[i]) - lr * wd * before;
            }
        }
        float[] actual = twoSteps(new Sgd(0.1, 0.9, true, 0.05, null).withDecoupledWeightDecay(0.05));
        assertEquals(w[0], actual[0], 1e-6);
        assertEquals(w[1], actual[1], 1e-6);
        float[] coupled = twoSteps(new Sgd(0.1, 0.9, true, 0.05, null));
        float[] classical = twoSteps(new Sgd(0.1, 0.9, false, 0, null).withDecoupledWeightDecay(0.05));
        assertFalse(Arrays.equals(actual, coupled), "decoupled decay differs from the L2 penalty carried by momentum");
        assertFalse(Arrays.equals(actual, classical), "Nesterov's look-ahead differs from classical momentum");
    }

    @Test
    void theDecoupledFlagIsWrittenOnlyWhenSetAndReadBack() throws Exception {
        var mapper = LayerTypes.mapper();
        String plain = mapper.writeValueAsString((OptimizerConfig) new Sgd(0.1, 0.9, true, 1e-4, null));
        assertFalse(plain.contains("decoupled"), plain);
        Sgd decoupled = new Sgd(0.1, 0.9, true, 0, null).withDecoupledWeightDecay(5e-4);
        String json = mapper.writeValueAsString((OptimizerConfig) decoupled);
        assertTrue(json.contains("\"decoupledWeightDecay\":true"), json);
        assertEquals(decoupled, mapper.readValue(json, OptimizerConfig.class));
        assertEquals(new Sgd(0.1, 0.9, true, 1e-4, null), mapper.readValue(plain, OptimizerConfig.class));
    }

    @Test
    void aRunStoppedAfterAnEpochResumesToTheSameWeights() throws Exception {
        Dataset data = Stripes.make(64, 4);
        TrainingPlan plan = new TrainingPlan(2, 16, 5, 0, 0, "stripes", 64);
        Sgd config = new Sgd(0.05, 0.9, true, 0, null).withDecoupledWeightDecay(1e-3);
        Model straight = model(data);
        Trainer.builder().setNetwork(straight.network()).setHeads(straight.heads())
                .setOptimizer(config).optEpochs(2).optBatchSize(16).optSeed(5).build().fit(data, null);

        Model first = model(data);
        Optimizer optimizer = new Optimizer(config, first.network().parameters());
        Path file = dir.resolve("sgd.cnn");
        Trainer.builder().setNetwork(first.network()).setHeads(first.heads()).optOptimizer(optimizer).optEpochs(1)
                .optBatchSize(16).optSeed(5).optListener(Checkpoint.everyEpoch(file, first, optimizer, plan)).build()
                .fit(data, null);
        var resumed = Trainer.resume(file, cpu);
        assertEquals(config, resumed.trainer().build().optimizer().config());
        resumed.trainer().build().fit(data, null);
        straight.network().parameters().forEach((name, p) -> assertArrayEquals(p.value().toArray(),
                resumed.model().network().parameters().get(name).value().toArray(), 0f, name));
    }

    private Model model(Dataset data) {
        return new Model(TrainerTest.smallConvNet(cpu, 3), Loss.SOFTMAX_CROSS_ENTROPY, data.classNames(),
                Normalization.identity());
    }
}
