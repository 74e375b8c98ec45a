package dev.cnn.api.layer;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.tensor.Shape;
import java.util.Random;

/**
 * The serializable description of a layer: its hyper-parameters, never its weights. Written to JSON
 * with a logical type id (for example {@code "conv2d"}) registered through {@link LayerTypeProvider},
 * never a Java class name.
 *
 * <p>Shapes here are per image, without the batch dimension: {@code [C, H, W]} or {@code [F]}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface LayerConfig {

    /**
     * The shape this layer produces from {@code input}.
     *
     * @throws ShapeMismatchException when the layer cannot take that input
     */
    Shape outputShape(Shape input);

    /**
     * Makes the runtime layer for {@code input} on {@code backend}, initialising its parameters from
     * {@code random}.
     */
    Layer build(Shape input, Backend backend, Random random);

    /**
     * How many numbers the layer built for {@code input} holds as parameters (learned weights and running statistics),
     * computed from the shapes alone, without building it. Model files are checked against it before anything is
     * allocated, so a layer with parameters must override this (the default is for layers without any).
     */
    default long parameterCount(Shape input) {
        return 0;
    }
}
