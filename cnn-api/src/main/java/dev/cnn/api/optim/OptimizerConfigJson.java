package dev.cnn.api.optim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;

/**
 * JSON of {@link OptimizerConfig}s: the configuration's own fields plus {@code "type"}, its registered id. Reads the
 * layout of files written before optimizers were an open type too ({@code "kind": "adam"} with every algorithm's
 * fields), so their checkpoints still resume.
 */
final class OptimizerConfigJson {
    /** Reads and writes a configuration's fields without coming back here. */
    private static final ObjectMapper FIELDS = new ObjectMapper().addMixIn(OptimizerConfig.class, Fields.class);

    private OptimizerConfigJson() {
    }

    @JsonSerialize(using = JsonSerializer.None.class)
    @JsonDeserialize(using = JsonDeserializer.None.class)
    private interface Fields {
    }

    /** Writes {@code {"type": id, ...fields}}. */
    static final class Writer extends JsonSerializer<OptimizerConfig> {
        @Override
        public void serialize(OptimizerConfig value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            ObjectNode node = FIELDS.createObjectNode().put("type", OptimizerTypes.idOf(value));
            node.setAll((ObjectNode) FIELDS.valueToTree(value));
            gen.writeTree(node);
        }
    }

    /** Reads a configuration by its {@code "type"}, or the older {@code "kind"} layout. */
    static final class Reader extends JsonDeserializer<OptimizerConfig> {
        @Override
        public OptimizerConfig deserialize(JsonParser p, DeserializationContext context) throws IOException {
            JsonNode node = p.readValueAsTree();
            if (node == null || !node.isObject()) {
                throw context.weirdStringException(String.valueOf(node), OptimizerConfig.class,
                        "an optimizer is a JSON object with a \"type\"");
            }
            ObjectNode fields = ((ObjectNode) node).deepCopy();
            JsonNode type = fields.remove("type");
            if (type != null && type.isTextual()) {
                Class<? extends OptimizerConfig> cls;
                try {
                    cls = OptimizerTypes.byId(type.textValue()).type();
                } catch (IllegalArgumentException e) {
                    throw context.weirdStringException(type.textValue(), OptimizerConfig.class, e.getMessage());
                }
                return FIELDS.treeToValue(fields, cls);
            }
            JsonNode kind = fields.get("kind");
            if (kind != null && kind.isTextual()) {
                return fromKind(kind.textValue().toLowerCase(Locale.ROOT), fields, context);
            }
            throw context.weirdStringException(node.toString(), OptimizerConfig.class, "an optimizer needs a \"type\"");
        }

        private static OptimizerConfig fromKind(String kind, JsonNode f, DeserializationContext context) throws IOException {
            double lr = f.path("learningRate").asDouble(Double.NaN);
            double epsilon = f.path("epsilon").asDouble(1e-8);
            double decay = f.path("weightDecay").asDouble(0);
            LearningRateSchedule schedule = f.hasNonNull("schedule")
                    ? FIELDS.treeToValue(f.get("schedule"), LearningRateSchedule.class) : null;
            try {
                return switch (kind) {
                    case "sgd" -> new Sgd(lr, f.path("momentum").asDouble(0), f.path("nesterov").asBoolean(false), decay, schedule);
                    case "adam" -> new Adam(lr, f.path("beta1").asDouble(0.9), f.path("beta2").asDouble(0.999), epsilon, decay, schedule);
                    case "adamw" -> new AdamW(lr, f.path("beta1").asDouble(0.9), f.path("beta2").asDouble(0.999), epsilon, decay, schedule);
                    case "rmsprop" -> new RmsProp(lr, f.path("rho").asDouble(0.9), epsilon, decay, schedule);
                    default -> throw new IllegalArgumentException("unknown optimizer kind '" + kind + "'");
                };
            } catch (IllegalArgumentException e) {
                throw context.weirdStringException(kind, OptimizerConfig.class, e.getMessage());
            }
        }
    }
}
