package dev.cnn.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cnn.api.io.ModelFormatException;
import dev.cnn.api.layer.LayerTypes;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.ModelDescription;
import dev.cnn.api.model.ModelJson;
import dev.cnn.api.optim.OptimizerConfig;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * How a network travels to the executors: its model description as JSON (the graph, the heads with their losses, and
 * the optimizer's settings, as in our model files), never Java-serialized layers. The parameters travel separately as
 * one flat {@code float[]}.
 */
public final class NetworkSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String json;

    private NetworkSpec(String json) {
        this.json = json;
    }

    /** The description of {@code model}, trained with {@code optimizer}. */
    public static NetworkSpec of(Model model, OptimizerConfig optimizer) {
        ModelDescription description = new ModelDescription(ModelDescription.FORMAT, ModelDescription.CURRENT_VERSION,
                model.network().graph(), model.heads(), model.preprocessing(), optimizer, 0,
                model.network().backend().name(), null);
        try {
            return new NetworkSpec(LayerTypes.mapper().writeValueAsString(description));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the model cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The JSON text. */
    public String json() {
        return json;
    }

    /** The description read back, on an executor; a problem is named by its place in the JSON ({@link ModelJson}). */
    public ModelDescription description() {
        try {
            return ModelJson.read(json);
        } catch (ModelFormatException e) {
            throw new UncheckedIOException("the network's JSON description cannot be read on this executor ("
                    + e.getMessage() + "); are the same cnn jars (and any third-party layer jars) on the"
                    + " executors' classpath as on the driver?", e);
        }
    }
}
