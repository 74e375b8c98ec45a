package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.HeadEvaluator;
import dev.cnn.api.eval.TagEvaluation;
import dev.cnn.api.eval.TagScores;
import dev.cnn.api.eval.TagThresholds;
import dev.cnn.api.io.ModelFormatException;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.GlobalAvgPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.Trainer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tagger's per-tag thresholds: chosen on validation images for each tag's best F1, saved in the tag head of
 * {@code model.json}, read back, refused when they do not fit, and absent (0.5 for every tag) in files saved without.
 */
class TagThresholdsInModelFileTest {
    private static final List<String> TAGS = List.of("flat", "not-diagonal", "diagonal");
    private static final float[] CHOSEN = {0.25f, 0.625f, 0.875f};
    private final Backend cpu = Backends.select("cpu");

    @TempDir
    Path dir;

    /** Stripes with tags that follow from the class: flat (horizontal), not-diagonal, diagonal. */
    static Dataset taggedStripes(int count, long seed) {
        Dataset plain = Stripes.make(count, seed);
        float[] tags = new float[count * TAGS.size()];
        for (int i = 0; i < count; i++) {
            int label = plain.label(i);
            tags[i * 3] = label == 0 ? 1 : 0;
            tags[i * 3 + 1] = label != 2 ? 1 : 0;
            tags[i * 3 + 2] = label == 2 ? 1 : 0;
        }
        return new Dataset(plain.sampleShape(), plain.gatherFeatures(java.util.stream.IntStream.range(0, count).toArray()),
                plain.labels(), plain.classNames(), tags, TAGS);
    }

    private Model twoHeaded(Dataset data) {
        GraphNetwork network = GraphNetwork.of(new GraphBuilder().addInput("image", Stripes.SHAPE)
                .add("conv", Conv2D.of(4, 3).withPadding(1), "image")
                .add("relu", new ReLU(), "conv")
                .add("pool", new GlobalAvgPool2D(), "relu")
                .add("class", Dense.of(3), "pool")
                .add("tags", Dense.of(3), "pool")
                .setOutputs("class", "tags").config(), cpu, 4);
        return new Model(network, List.of(new Head("class", Loss.SOFTMAX_CROSS_ENTROPY, 1, data.classNames()),
                new Head("tags", Loss.SIGMOID_BINARY_CROSS_ENTROPY, 2, data.tagNames())), Normalization.identity());
    }

    private Path saved(Model model) throws Exception {
        Path file = dir.resolve("tagger.cnn");
        model.save(file);
        return file;
    }

    private static String modelJson(Path file) throws Exception {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("model.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void thresholdsAreSavedInTheTagHeadAndReadBack() throws Exception {
        Model model = twoHeaded(taggedStripes(8, 1));
        model = model.withHead(model.tagHead().orElseThrow().withThresholds(CHOSEN));
        Path file = saved(model);
        String json = modelJson(file);
        assertEquals(1, json.split("\"thresholds\"", -1).length - 1, "only the tag head carries thresholds: " + json);
        assertTrue(json.contains("\"thresholds\":[0.25,0.625,0.875]"), json);

        Model loaded = Model.load(file, cpu);
        assertArrayEquals(CHOSEN, loaded.tagHead().orElseThrow().thresholdArray());
        assertEquals(List.of(), loaded.classHead().orElseThrow().thresholds());
        assertEquals(2, loaded.tagHead().orElseThrow().weight());
    }

    @Test
    void aFileWithoutThresholdsLoadsAndDecidesEveryTagAtOneHalf() throws Exception {
        Model model = twoHeaded(taggedStripes(8, 1));
        Path file = saved(model.withHead(model.tagHead().orElseThrow().withThresholds(CHOSEN)));
        Path old = ModelFileSurgery.withModelJson(file, dir.resolve("old.cnn"),
                json -> json.replaceAll(",\"thresholds\":\\[[^\\]]*\\]", ""));
        assertTrue(!modelJson(old).contains("thresholds"));
        Head tags = Model.load(old, cpu).tagHead().orElseThrow();
        assertEquals(List.of(), tags.thresholds());
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, tags.thresholdArray());
    }

    @Test
    void thresholdsThatDoNotFitTheTagsAreRefusedByName() throws Exception {
        Model model = twoHeaded(taggedStripes(8, 1));
        Path file = saved(model.withHead(model.tagHead().orElseThrow().withThresholds(CHOSEN)));
        Path tooFew = ModelFileSurgery.withModelJson(file, dir.resolve("few.cnn"),
                json -> json.replace("[0.25,0.625,0.875]", "[0.25,0.625]"));
        var e = assertThrows(ModelFormatException.class, () -> Model.load(tooFew, cpu));
        assertTrue(e.getMessage().contains("3 tags but 2 thresholds"), e.getMessage());
        Path outOfRange = ModelFileSurgery.withModelJson(file, dir.resolve("range.cnn"),
                json -> json.replace("[0.25,0.625,0.875]", "[0.25,1.5,0.875]"));
        e = assertThrows(ModelFormatException.class, () -> Model.load(outOfRange, cpu));
        assertTrue(e.getMessage().contains("threshold of tag 'not-diagonal'") && e.getMessage().contains("between 0 and 1"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> model.classHead().orElseThrow().withThresholds(new float[] {0.5f, 0.5f, 0.5f}));
    }

    @Test
    void thresholdsChosenOnValidationImagesAreEachTagsBestF1AndBeatOneHalfThere() {
        Dataset train = taggedStripes(96, 1);
        Dataset validation = taggedStripes(48, 2);
        Model model = twoHeaded(train);
        Trainer.builder().setNetwork(model.network()).setHeads(model.heads()).setOptimizer(OptimizerConfig.adam(0.01))
                .optEpochs(1).optBatchSize(16).optSeed(3).build().fit(train, null);
        TagScores scores = TagScores.of(model.network(), model.tagHead().orElseThrow(), validation, 16);
        Head tuned = scores.bestF1Head();
        assertArrayEquals(TagThresholds.bestF1(scores.probabilities(), scores.truth(), 3), tuned.thresholdArray());

        TagEvaluation atTuned = scores.evaluate(tuned);
        TagEvaluation atHalf = scores.evaluate(tuned.withThreshold(0.5f));
        for (int t = 0; t < 3; t++) {
            assertTrue(atTuned.f1(t) >= atHalf.f1(t), TAGS.get(t) + ": " + atTuned.f1(t) + " < " + atHalf.f1(t));
        }
        var byHead = HeadEvaluator.evaluate(model.network(), model.withHead(tuned).heads(), validation, 16);
        assertEquals(atTuned.macroF1(), byHead.get("tags").tags().macroF1(), 1e-12,
                "evaluation decides each tag at its head's own threshold");
    }
}
