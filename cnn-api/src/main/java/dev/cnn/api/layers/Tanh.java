package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.tensor.Shape;
import java.util.Random;

/** The hyperbolic tangent, element-wise. Type id {@code "tanh"}. */
public record Tanh() implements LayerConfig {

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        return new ActivationLayer(this, backend, (b, x, out) -> b.tanh(x),
                (b, x, y, dy, out) -> b.tanhBackward(y, dy));
    }
}
