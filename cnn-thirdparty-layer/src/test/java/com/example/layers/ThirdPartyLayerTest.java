package com.example.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.check.GradientCheck;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.layer.LayerTypes;
import dev.cnn.api.layers.Add;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.train.Trainer;
import dev.cnn.api.train.TrainingHistory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layer from outside the framework's modules registers, joins a graph, trains, saves and loads like a built-in one. */
class ThirdPartyLayerTest {
    private final Backend cpu = Backends.select("cpu");

    @TempDir
    Path dir;

    /** Bright left half or bright right half of a noisy 1x6x6 image. */
    private static Dataset halves(int count, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[count * 36];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(2);
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 6; x++) {
                    boolean lit = labels[i] == 0 ? x < 3 : x >= 3;
                    pixels[i * 36 + y * 6 + x] = (lit ? 1f : 0f) + (float) (0.2 * random.nextGaussian());
                }
            }
        }
        return new Dataset(Shape.of(1, 6, 6), pixels, labels, List.of("left", "right"));
    }

    private GraphNetwork network() {
        return new GraphBuilder().addInput("image", 1, 6, 6)
                .add("conv", Conv2D.of(4, 3).withPadding(1), "image")
                .add("relu", new ReLU(), "conv")
                .add("scaled", new ChannelScale(0.5), "relu")
                .add("sum", new Add(), "relu", "scaled")
                .add("flat", new Flatten(), "sum")
                .add("logits", Dense.of(2), "flat")
                .build(cpu);
    }

    @Test
    void itsTypeIdIsFoundThroughTheServiceLoader() {
        assertEquals(ChannelScale.class, LayerTypes.all(getClass().getClassLoader()).get("example_channel_scale"));
        assertEquals("example_channel_scale", LayerTypes.idOf(new ChannelScale(1)));
    }

    @Test
    void itsBackwardPassMatchesFiniteDifferences() {
        assertTrue(GradientCheck.forFloat32().checkLayer(new ChannelScale(0.7), Shape.of(3, 4, 4), 4, true, cpu, 3)
                .passed());
    }

    @Test
    void itTrainsInAGraphAndSavesAndLoadsByTypeIdOnly() throws Exception {
        Dataset train = halves(200, 1);
        Dataset test = halves(100, 2);
        GraphNetwork network = network();
        float[] before = network.parameters().get("scaled.scale").value().toArray();
        TrainingHistory history = Trainer.builder().setNetwork(network).setLoss(Loss.SOFTMAX_CROSS_ENTROPY)
                .setOptimizer(OptimizerConfig.adam(0.02)).optBatchSize(20).optEpochs(3).build().fit(train, test);
        assertTrue(history.epochs().get(2).validationAccuracy() > 0.95, history.toString());
        assertFalse(java.util.Arrays.equals(before, network.parameters().get("scaled.scale").value().toArray()),
                "the third party's parameter was trained");

        Path file = dir.resolve("with-plugin.cnn");
        Model model = new Model(network, Loss.SOFTMAX_CROSS_ENTROPY, train.classNames(), Normalization.identity());
        model.save(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String json = new String(zip.getInputStream(zip.getEntry("model.json")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"type\":\"example_channel_scale\""), json);
            assertFalse(json.contains("com.example"), json);
        }
        Model loaded = Model.load(file, cpu);
        float[] images = test.gatherFeatures(new int[] {0, 1, 2, 3});
        assertArrayEquals(model.predictProbabilities(images, 4)[2], loaded.predictProbabilities(images, 4)[2]);
        assertNotEquals(0, loaded.network().parameters().get("scaled.scale").value().toArray()[0]);
        assertEquals(network.summary(), loaded.network().summary());
    }
}
