package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.io.ModelFormatException;
import dev.cnn.api.layers.BatchNorm;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    private final Backend cpu = Backends.select("cpu");
    private final Dataset data = Stripes.make(96, 1);

    @TempDir
    Path dir;

    private Sequential network() {
        return Sequential.builder().setInputShape(Stripes.SHAPE)
                .add(Conv2D.of(3, 3), BatchNorm.of(), new ReLU(), new Flatten(), Dense.of(3)).build(cpu);
    }

    private Trainer.Builder trainer(dev.cnn.api.network.Network network) {
        return Trainer.builder().setNetwork(network).setLoss(Loss.SOFTMAX_CROSS_ENTROPY).optBatchSize(16).optSeed(9);
    }

    @Test
    void savedModelPredictsTheSameAfterLoading() throws Exception {
        Sequential network = network();
        trainer(network).setOptimizer(OptimizerConfig.adam(0.01)).optEpochs(2).build().fit(data, null);
        Model model = new Model(network, Loss.SOFTMAX_CROSS_ENTROPY, data.classNames(), new Normalization(0.1, 0.5));
        Path file = dir.resolve("stripes.zip");
        model.save(file);

        Model loaded = Model.load(file, cpu);
        float[] images = data.gatherFeatures(new int[] {0, 1, 2, 3});
        assertArrayEquals(model.predictProbabilities(images, 4)[3], loaded.predictProbabilities(images, 4)[3]);
        assertEquals(data.classNames(), loaded.classNames());
        assertEquals(new Normalization(0.1, 0.5), loaded.preprocessing());
        assertEquals(network.summary(), loaded.network().summary());
    }

    @Test
    void resumingFromACheckpointGivesTheSameWeightsAsTrainingStraightThrough() throws Exception {
        OptimizerConfig adam = OptimizerConfig.adam(0.01);
        Sequential straight = network();
        trainer(straight).setOptimizer(adam).optEpochs(2).build().fit(data, null);

        Sequential first = network();
        Trainer firstHalf = trainer(first).setOptimizer(adam).optEpochs(1).build();
        firstHalf.fit(data, null);
        Path checkpoint = dir.resolve("checkpoint.zip");
        new Model(first, Loss.SOFTMAX_CROSS_ENTROPY, data.classNames(), Normalization.identity())
                .save(checkpoint, firstHalf.optimizer());

        Model.Loaded resumed = Model.loadWithState(checkpoint, cpu);
        trainer(resumed.model().network()).optOptimizer(resumed.optimizer()).optInitialEpoch(1).optEpochs(2).build().fit(data, null);
        straight.parameters().forEach((name, p) -> assertArrayEquals(p.value().toArray(),
                resumed.model().network().parameters().get(name).value().toArray(), name));
    }

    @Test
    void aZipWithoutAModelIsRefusedClearly() throws Exception {
        Path file = dir.resolve("photos.zip");
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("holiday.jpg"));
            zip.write(new byte[] {1, 2, 3});
        }
        var e = assertThrows(ModelFormatException.class, () -> Model.load(file, cpu));
        assertTrue(e.getMessage().contains("model.json"), e.getMessage());
    }

    @Test
    void anUnknownLayerTypeIsRefusedWithoutLoadingClasses() throws Exception {
        Path file = dir.resolve("m.zip");
        new Model(network(), Loss.SOFTMAX_CROSS_ENTROPY, data.classNames(), Normalization.identity()).save(file);
        Path tampered = dir.resolve("tampered.zip");
        try (var in = new java.util.zip.ZipFile(file.toFile()); var out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (var entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("model.json")) {
                    bytes = new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("\"conv2d\"", "\"java.lang.ProcessBuilder\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
            }
        }
        var e = assertThrows(ModelFormatException.class, () -> Model.load(tampered, cpu));
        assertTrue(e.getMessage().contains("not a valid model description"), e.getMessage());
    }
}
