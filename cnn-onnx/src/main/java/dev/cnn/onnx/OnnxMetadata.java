package dev.cnn.onnx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import dev.cnn.onnx.proto.OnnxProto.StringStringEntryProto;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a model's outputs speak of, in an ONNX file's {@code metadata_props}, as JSON arrays of strings:
 * {@code classes} (the class head's), {@code tags} (the tag head's), and per head {@code head.NAME.labels},
 * {@code head.NAME.loss} (our loss id, so that import gives the head back) and, for a tag head with chosen thresholds,
 * {@code head.NAME.thresholds}.
 */
final class OnnxMetadata {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OnnxMetadata() {
    }

    /** The entries for {@code model}, in a fixed order. */
    static List<StringStringEntryProto> of(Model model) {
        Map<String, String> props = new LinkedHashMap<>();
        model.classHead().ifPresent(h -> props.put("classes", json(h.labels())));
        model.tagHead().ifPresent(h -> props.put("tags", json(h.labels())));
        for (Head head : model.heads()) {
            props.put("head." + head.name() + ".labels", json(head.labels()));
            props.put("head." + head.name() + ".loss", head.loss().id());
            if (!head.thresholds().isEmpty()) {
                props.put("head." + head.name() + ".thresholds", json(head.thresholds()));
            }
        }
        props.put("normalization", model.preprocessing().describe() + ", applied inside the graph to pixels in [0, 1]");
        return props.entrySet().stream()
                .map(e -> StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()).build())
                .toList();
    }

    /** The strings of a JSON array, or null when {@code text} is null. */
    static List<String> strings(String text) throws JsonProcessingException {
        return text == null ? null : JSON.readValue(text, new TypeReference<List<String>>() { });
    }

    /** The numbers of a JSON array, or null when {@code text} is null. */
    static List<Float> numbers(String text) throws JsonProcessingException {
        return text == null ? null : JSON.readValue(text, new TypeReference<List<Float>>() { });
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("names could not be written as JSON", e);
        }
    }
}
