package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.tensor.Shape;
import java.util.Random;

/** The logistic function {@code 1 / (1 + exp(-x))}, element-wise. Type id {@code "sigmoid"}. */
public record Sigmoid() implements LayerConfig {

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        return new ActivationLayer(this, backend, (b, x, out) -> b.sigmoid(x),
                (b, x, y, dy, out) -> b.sigmoidBackward(y, dy));
    }
}
