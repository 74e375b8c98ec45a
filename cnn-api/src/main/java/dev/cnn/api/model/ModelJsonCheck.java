package dev.cnn.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * What a model description's JSON tree cannot hold anywhere, found before it is read into a description, by its place
 * in the JSON: a null in a list (a layer, a node, a head, a name or a dimension that is not there) and a field whose
 * name starts with {@code @}, such as {@code @class} (class names are not part of the format).
 */
final class ModelJsonCheck {
    private ModelJsonCheck() {
    }

    /** The first problem in {@code tree}, or null when there is none. */
    static String problem(JsonNode tree) {
        return walk(tree, "");
    }

    private static String walk(JsonNode node, String path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().startsWith("@")) {
                    return "unknown field " + ModelJsonPath.abbreviate(field.getKey()) + " at "
                            + ModelJsonPath.place(path) + ": class names are not part of the format; a layer or a loss"
                            + " names its kind by \"type\", such as \"relu\"";
                }
                String problem = walk(field.getValue(), ModelJsonPath.field(path, field.getKey()));
                if (problem != null) {
                    return problem;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String at = path + "[" + i + "]";
                if (node.get(i).isNull()) {
                    return at + " is null: " + expected(path);
                }
                String problem = walk(node.get(i), at);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    /** What each element of the list at {@code path} must be. */
    private static String expected(String path) {
        String list = path.substring(path.lastIndexOf('.') + 1);
        return switch (list) {
            case "layers" -> "each layer must be an object with a \"type\", such as {\"type\":\"relu\"}";
            case "nodes" -> "each node must be an object with a \"name\", a \"layer\" (or the node it \"shares\" one"
                    + " with) and its \"inputs\"";
            case "inputs" -> path.equals("graph.inputs") ? "each input must be an object with a \"name\" and a \"shape\""
                    : "each input of a node must be the name of a node or of a network input";
            case "outputs" -> "each output must be the name of a node or of a network input";
            case "heads" -> "each head must be an object with a \"name\", a \"loss\", a \"weight\" and its \"labels\"";
            case "labels", "classNames", "tagNames" -> "each name must be text";
            case "shape", "inputShape" -> "each dimension must be a positive whole number";
            default -> "a list here holds numbers or text, never null";
        };
    }
}
