package dev.cnn.backend.cpu.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.Evaluator;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.optim.Adam;
import dev.cnn.api.optim.AdamW;
import dev.cnn.api.optim.LearningRateSchedule;
import dev.cnn.api.optim.Optimizer;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.optim.OptimizerTypes;
import dev.cnn.api.optim.RmsProp;
import dev.cnn.api.optim.Sgd;
import dev.cnn.api.train.Trainer;
import dev.cnn.api.train.TrainingPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Optimizers are an open type: the built-in ones by id, and a user's own that trains, saves and resumes like them. */
class OpenOptimizerTest {
    private final Backend cpu = Backends.select("cpu");
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private static Dataset stripes(int count, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[count * 64];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(2);
            int at = 1 + random.nextInt(6);
            for (int k = 0; k < 8; k++) {
                pixels[i * 64 + (labels[i] == 0 ? at * 8 + k : k * 8 + at)] = 1f;
            }
        }
        return new Dataset(dev.cnn.api.tensor.Shape.of(1, 8, 8), pixels, labels, List.of("horizontal", "vertical"));
    }

    private Sequential network() {
        return Sequential.builder().setInputShape(1, 8, 8)
                .add(Conv2D.of(4, 3), new ReLU(), MaxPool2D.of(2), new Flatten(), Dense.of(2)).optSeed(3).build(cpu);
    }

    @Test
    void everyBuiltInOptimizerRoundTripsThroughJsonByItsTypeId() throws Exception {
        for (OptimizerConfig config : List.of(OptimizerConfig.sgd(0.1, 0.9).withNesterov(true).withWeightDecay(1e-4),
                OptimizerConfig.adam(0.001), OptimizerConfig.adamW(0.002, 0.01),
                OptimizerConfig.rmsProp(0.01).withSchedule(new LearningRateSchedule.Cosine(100, 0.1)),
                new HeavyBall(0.05, 0.8, null))) {
            String text = json.writeValueAsString(config);
            assertTrue(text.startsWith("{\"type\":\"" + OptimizerTypes.idOf(config) + "\""), text);
            assertEquals(config, json.readValue(text, OptimizerConfig.class), text);
        }
        assertEquals(List.of("adam", "adamw", "heavy_ball", "rmsprop", "sgd"), List.copyOf(OptimizerTypes.all().keySet()));
        assertTrue(OptimizerConfig.byName("SGD", 0.1) instanceof Sgd sgd && sgd.momentum() == 0.9);
    }

    @Test
    void theLayoutOfEarlierFilesStillReads() throws Exception {
        String earlier = "{\"kind\":\"adamw\",\"learningRate\":0.001,\"momentum\":0.0,\"nesterov\":false,\"beta1\":0.9,"
                + "\"beta2\":0.999,\"rho\":0.9,\"epsilon\":1.0E-8,\"weightDecay\":0.01,\"schedule\":{\"type\":\"constant\"}}";
        assertEquals(new AdamW(0.001, 0.9, 0.999, 1e-8, 0.01, null), json.readValue(earlier, OptimizerConfig.class));
        assertEquals(new RmsProp(0.01, 0.9, 1e-8, 0, null),
                json.readValue("{\"kind\":\"rmsprop\",\"learningRate\":0.01}", OptimizerConfig.class));
        assertEquals(new Adam(0.5, 0.9, 0.999, 1e-8, 0, null),
                json.readValue("{\"kind\":\"adam\",\"learningRate\":0.5}", OptimizerConfig.class));
    }

    @Test
    void anUnknownTypeIsRefusedByNameWithoutLoadingAClass() {
        var e = assertThrows(Exception.class,
                () -> json.readValue("{\"type\":\"java.lang.ProcessBuilder\",\"learningRate\":1}", OptimizerConfig.class));
        assertTrue(e.getMessage().contains("unknown optimizer 'java.lang.ProcessBuilder'; known: adam, adamw"), e.getMessage());
        var bad = assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.byName("adagrad", 0.1));
        assertTrue(bad.getMessage().contains("known: adam, adamw, heavy_ball, rmsprop, sgd"), bad.getMessage());
    }

    @Test
    void aUsersOwnOptimizerTrainsSavesItsNamedStateAndResumesExactly() throws Exception {
        Dataset data = stripes(200, 1);
        TrainingPlan plan = new TrainingPlan(4, 20, 5, 0, 0, "stripes", 200);
        Sequential straight = network();
        Trainer.builder().setNetwork(straight).setLoss(Loss.SOFTMAX_CROSS_ENTROPY).setOptimizer(new HeavyBall(0.05, 0.8, null))
                .optEpochs(4).optBatchSize(20).optSeed(5).build().fit(data, null);
        assertTrue(Evaluator.evaluate(straight, Loss.SOFTMAX_CROSS_ENTROPY, stripes(100, 2), 50).accuracy() > 0.9);

        Sequential half = network();
        Optimizer optimizer = new Optimizer(new HeavyBall(0.05, 0.8, null), half.parameters());
        Trainer.builder().setNetwork(half).setLoss(Loss.SOFTMAX_CROSS_ENTROPY).optOptimizer(optimizer)
                .optEpochs(2).optBatchSize(20).optSeed(5).build().fit(data, null);
        assertTrue(optimizer.exportState().keySet().stream().allMatch(name -> name.endsWith("#velocity")),
                optimizer.exportState().keySet().toString());
        Path file = dir.resolve("run.cnn");
        new Model(half, Loss.SOFTMAX_CROSS_ENTROPY, data.classNames(), Normalization.identity()).save(file, optimizer, plan);

        var resumed = Trainer.resume(file, cpu);
        assertEquals(new HeavyBall(0.05, 0.8, null), resumed.trainer().build().optimizer().config());
        resumed.trainer().build().fit(data, null);
        straight.parameters().forEach((name, p) -> assertArrayEquals(p.value().toArray(),
                resumed.model().network().parameters().get(name).value().toArray(), 0f, name));
    }
}
