package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.io.ModelFormatException;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.Sequential;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file whose {@code model.json} holds a null layer or node, or a Java class name, of both format versions: each
 * is refused naming the place in the JSON and what belongs there, where it was "Cannot construct instance of
 * `dev.cnn.api.network.NetworkConfig`, problem: `java.lang.NullPointerException`".
 */
class ModelJsonRefusalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVALID = ": model.json is not a valid model description: ";
    private final Backend cpu = Backends.select("cpu");

    @TempDir
    Path dir;

    private Path versionOne() throws Exception {
        Path file = dir.resolve("v1.cnn");
        try (InputStream in = getClass().getResourceAsStream("/models/v1-sequential.cnn")) {
            Files.copy(in, file);
        }
        return file;
    }

    private Path versionTwo() throws Exception {
        Sequential network = Sequential.builder().setInputShape(Stripes.SHAPE).add(new Flatten(), new ReLU(), Dense.of(3))
                .build(cpu);
        Path file = dir.resolve("v2.cnn");
        new Model(network, Loss.SOFTMAX_CROSS_ENTROPY, List.of("a", "b", "c"), Normalization.identity()).save(file);
        return file;
    }

    private String refusal(Path file, Consumer<ObjectNode> edit) throws Exception {
        Path edited = ModelFileSurgery.withModelJson(file, dir.resolve("edited.cnn"), text -> {
            try {
                ObjectNode tree = (ObjectNode) JSON.readTree(text);
                edit.accept(tree);
                return JSON.writeValueAsString(tree);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return assertThrows(ModelFormatException.class, () -> Model.load(edited, cpu)).getMessage()
                .replace(edited.toString(), "FILE");
    }

    @Test
    void aNullLayerOfAVersionOneFileIsNamedByItsPlace() throws Exception {
        assertEquals("FILE" + INVALID + "architecture.layers[3] is null: each layer must be an object with a \"type\","
                + " such as {\"type\":\"relu\"}", refusal(versionOne(),
                tree -> ((ArrayNode) tree.with("architecture").get("layers")).setNull(3)));
    }

    @Test
    void aClassNameInAVersionOneFileIsAnUnknownField() throws Exception {
        assertEquals("FILE" + INVALID + "unknown field @class at architecture.layers[0]: class names are not part of"
                + " the format; a layer or a loss names its kind by \"type\", such as \"relu\"", refusal(versionOne(),
                tree -> ((ObjectNode) tree.with("architecture").get("layers").get(0))
                        .put("@class", "dev.cnn.api.layers.Conv2D")));
    }

    @Test
    void aNullNodeOrAClassNameInAGraphIsNamedByItsPlace() throws Exception {
        Path file = versionTwo();
        assertEquals("FILE" + INVALID + "graph.nodes[1] is null: each node must be an object with a \"name\", a"
                + " \"layer\" (or the node it \"shares\" one with) and its \"inputs\"",
                refusal(file, tree -> ((ArrayNode) tree.with("graph").get("nodes")).setNull(1)));
        assertEquals("FILE" + INVALID + "unknown field @class at graph.nodes[2].layer: class names are not part of the"
                + " format; a layer or a loss names its kind by \"type\", such as \"relu\"", refusal(file, tree -> {
                    ObjectNode layer = (ObjectNode) tree.with("graph").get("nodes").get(2).get("layer");
                    layer.remove("type");
                    layer.put("@class", "dev.cnn.api.layers.Dense");
                }));
    }
}
