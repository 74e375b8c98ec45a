package dev.cnn.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.io.ModelFormatException;
import dev.cnn.api.layer.LayerTypes;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.network.GraphBuilder;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Model descriptions read from JSON, and what is wrong with one said by its place in the JSON, in the format's terms. */
class ModelJsonTest {
    private static final String JSON;

    static {
        try {
            JSON = LayerTypes.mapper().writeValueAsString(new ModelDescription(ModelDescription.FORMAT,
                    ModelDescription.CURRENT_VERSION, new GraphBuilder().addInput("image", 4)
                    .add("relu", new ReLU(), "image").add("classes", Dense.of(2), "relu").config(),
                    List.of(Head.of("classes", Loss.SOFTMAX_CROSS_ENTROPY, List.of("a", "b"))), Normalization.identity(),
                    null, 0, "cpu", null));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static String problem(UnaryOperator<String> edit) {
        return assertThrows(ModelFormatException.class, () -> ModelJson.read(edit.apply(JSON))).getMessage();
    }

    @Test
    void aDescriptionReadsBackAsItWasWritten() throws Exception {
        ModelDescription read = ModelJson.read(JSON);
        assertEquals(List.of("image"), read.graph().inputs().stream().map(i -> i.name()).toList());
        assertEquals(List.of("relu", "classes"), read.graph().order());
        assertEquals(List.of("a", "b"), read.heads().get(0).labels());
    }

    @Test
    void aNullNodeOrLayerIsNamedByItsPlace() {
        assertEquals("graph.nodes[0] is null: each node must be an object with a \"name\", a \"layer\" (or the node it"
                + " \"shares\" one with) and its \"inputs\"", problem(json -> json.replaceFirst(
                "\\{\"name\":\"relu\",\"layer\":\\{\"type\":\"relu\"},\"inputs\":\\[\"image\"]}", "null")));
        assertEquals("heads[0].labels[1] is null: each name must be text",
                problem(json -> json.replace("\"labels\":[\"a\",\"b\"]", "\"labels\":[\"a\",null]")));
    }

    @Test
    void aClassNameIsAnUnknownFieldAndNotPartOfTheFormat() {
        assertEquals("unknown field @class at graph.nodes[0].layer: class names are not part of the format; a layer or"
                + " a loss names its kind by \"type\", such as \"relu\"", problem(json -> json.replace(
                "{\"type\":\"relu\"}", "{\"@class\":\"dev.cnn.api.layers.ReLU\"}")));
    }

    @Test
    void wrongFieldsTypesAndValuesAreNamedWithWhatBelongsThere() {
        assertEquals("unknown field unitz at graph.nodes[1].layer; the fields there are initializer, units, useBias",
                problem(json -> json.replace("\"units\":2", "\"units\":2,\"unitz\":3")));
        String unknownType = problem(json -> json.replace("\"type\":\"relu\"", "\"type\":\"java.lang.Runtime\""));
        assertTrue(unknownType.startsWith("graph.nodes[0].layer has the type 'java.lang.Runtime', which is no registered"
                + " layer type; known: add, avg_pool2d, batch_norm,"), unknownType);
        assertEquals("graph.nodes[1].layer.units must be a whole number, got \"two\"",
                problem(json -> json.replace("\"units\":2", "\"units\":\"two\"")));
        assertEquals("graph.nodes[0].layer must be an object with a \"type\" naming its kind of layer",
                problem(json -> json.replace("{\"type\":\"relu\"}", "[]")));
        assertEquals("graph.inputs[0].shape: every dimension must be positive, got [0]",
                problem(json -> json.replace("\"shape\":[4]", "\"shape\":[0]")));
    }

    @Test
    void textThatIsNotAnObjectIsRefusedAsSuch() {
        assertEquals("the model description is null", problem(json -> "null"));
        assertEquals("the model description is not a JSON object", problem(json -> "[1]"));
        String cut = problem(json -> json.substring(0, 20));
        assertTrue(cut.startsWith("not valid JSON: ") && cut.contains("(line 1, column 21)"), cut);
    }
}
