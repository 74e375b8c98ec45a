package dev.cnn.api.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cnn.api.io.ModelFormatException;
import dev.cnn.api.layer.LayerTypes;

/**
 * Reads model descriptions from JSON: the {@code model.json} of a model file ({@link Model#load} reads it this way)
 * and the description Spark sends its executors. What is wrong is said by its place in the JSON and in the format's
 * terms, never as a Java class or a Jackson message: {@code graph.nodes[3] is null: each node must be an object with
 * ...}, {@code unknown field @class at graph.nodes[0].layer: class names are not part of the format; ...},
 * {@code graph.nodes[2].layer has the type 'x', which is no registered layer type; known: ...}.
 */
public final class ModelJson {
    private ModelJson() {
    }

    /**
     * Reads a description of the current format version, with the layer and loss types registered on the classpath.
     *
     * @throws ModelFormatException saying where in the JSON and what is wrong there
     */
    public static ModelDescription read(String json) throws ModelFormatException {
        ObjectMapper mapper = LayerTypes.mapper();
        JsonNode tree = tree(mapper, json);
        if (tree == null || !tree.isObject()) {
            throw new ModelFormatException("the model description is " + (tree == null || tree.isNull() ? "null"
                    : "not a JSON object"));
        }
        check(tree);
        return bind(mapper, tree, ModelDescription.class);
    }

    /** The JSON tree of {@code json}; null for empty text. */
    static JsonNode tree(ObjectMapper mapper, String json) throws ModelFormatException {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(ModelJsonErrors.describe(e));
        }
    }

    /** Refuses what the tree cannot hold anywhere: nulls in lists, fields named with an {@code @}. */
    static void check(JsonNode tree) throws ModelFormatException {
        String problem = ModelJsonCheck.problem(tree);
        if (problem != null) {
            throw new ModelFormatException(problem);
        }
    }

    /** {@code tree} read as a {@code type}. */
    static <T> T bind(ObjectMapper mapper, JsonNode tree, Class<T> type) throws ModelFormatException {
        try {
            return mapper.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(ModelJsonErrors.describe(e));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(String.valueOf(e.getMessage()));
        }
    }
}
