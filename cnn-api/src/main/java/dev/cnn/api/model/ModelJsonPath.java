package dev.cnn.api.model;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** Places in a model description's JSON, written as a reader finds them: {@code graph.nodes[3].layer}. */
final class ModelJsonPath {
    private ModelJsonPath() {
    }

    /** The path of the field {@code name} of the object at {@code path}. */
    static String field(String path, String name) {
        String field = abbreviate(name);
        return path.isEmpty() ? field : path + "." + field;
    }

    /** The path Jackson's references lead to. */
    static String of(List<JsonMappingException.Reference> references) {
        String path = "";
        for (JsonMappingException.Reference reference : references) {
            path = reference.getFieldName() != null ? field(path, reference.getFieldName())
                    : path + "[" + reference.getIndex() + "]";
        }
        return path;
    }

    /** {@code path}, or "the top level" for the root. */
    static String place(String path) {
        return path.isEmpty() ? "the top level" : path;
    }

    /** {@code text} cut to 60 characters, so that a hostile field name cannot flood a message. */
    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
