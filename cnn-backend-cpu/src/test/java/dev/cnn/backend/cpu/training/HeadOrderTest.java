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
import dev.cnn.api.layers.GlobalAvgPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphNetwork;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model's class names, loss and probabilities come from its class head wherever that head stands in the list: a
 * tagger whose tag head is listed first names its classes as the one listed the usual way does, in memory and read
 * back from its file.
 */
class HeadOrderTest {
    private final Backend cpu = Backends.select("cpu");

    @TempDir
    Path dir;

    private GraphNetwork network() {
        return GraphNetwork.of(new GraphBuilder().addInput("image", Stripes.SHAPE)
                .add("conv", Conv2D.of(4, 3).withPadding(1), "image")
                .add("relu", new ReLU(), "conv")
                .add("pool", new GlobalAvgPool2D(), "relu")
                .add("class", Dense.of(3), "pool")
                .add("tags", Dense.of(4), "pool")
                .setOutputs("tags", "class").config(), cpu, 4);
    }

    @Test
    void theClassHeadNamesTheClassesWhereverItIsListed() throws Exception {
        Dataset data = Stripes.make(4, 1);
        GraphNetwork network = network();
        Head classes = new Head("class", Loss.SOFTMAX_CROSS_ENTROPY, 1, data.classNames());
        Head tags = new Head("tags", Loss.SIGMOID_BINARY_CROSS_ENTROPY, 1, List.of("red", "green", "blue", "ball"));
        Model usual = new Model(network, List.of(classes, tags), Normalization.identity());
        Model tagsFirst = new Model(network, List.of(tags, classes), Normalization.identity());
        Path file = dir.resolve("tags-first.cnn");
        tagsFirst.save(file);
        float[] pixels = data.gatherFeatures(new int[] {0, 1, 2, 3});
        for (Model model : List.of(tagsFirst, Model.load(file, cpu))) {
            assertEquals("tags", model.heads().get(0).name(), "the file keeps the order it was given");
            assertEquals(data.classNames(), model.classNames());
            assertEquals(Loss.SOFTMAX_CROSS_ENTROPY, model.loss());
            assertEquals("class", model.primaryHead().orElseThrow().name());
            float[][] probabilities = model.predictProbabilities(pixels, 4);
            assertEquals(3, probabilities[0].length, "class probabilities, not tag probabilities");
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(usual.predictProbabilities(pixels, 4)[i], probabilities[i], 1e-6f);
            }
        }
    }

    @Test
    void aModelOfSeveralHeadsNoneOfWhichClassifiesHasNoClassNames() {
        GraphNetwork network = network();
        Model noClasses = new Model(network, List.of(
                new Head("tags", Loss.SIGMOID_BINARY_CROSS_ENTROPY, 1, List.of("red", "green", "blue", "ball")),
                new Head("class", Loss.SIGMOID_BINARY_CROSS_ENTROPY, 1, List.of("a", "b", "c"))), Normalization.identity());
        assertTrue(noClasses.primaryHead().isEmpty());
        var e = assertThrows(IllegalStateException.class, noClasses::classNames);
        assertTrue(e.getMessage().contains("none of them classifies"), e.getMessage());
        Model oneTagHead = new Model(network, List.of(
                new Head("tags", Loss.SIGMOID_BINARY_CROSS_ENTROPY, 1, List.of("red", "green", "blue", "ball"))),
                Normalization.identity());
        assertEquals(List.of("red", "green", "blue", "ball"), oneTagHead.classNames(), "the only head names its values");
    }
}
