package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.tensor.Shape;
import java.util.Random;

/**
 * {@code x} where positive, else {@code alpha * x}, element-wise. Type id {@code "leaky_relu"}.
 *
 * @param alpha the slope for negative inputs, at least 0
 */
public record LeakyReLU(double alpha) implements LayerConfig {

    /** Checks that the slope is not negative. */
    public LeakyReLU {
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("leaky_relu alpha must be at least 0, got " + alpha);
        }
    }

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        float a = (float) alpha;
        return new ActivationLayer(this, backend, (b, x, out) -> b.leakyRelu(x, a),
                (b, x, y, dy, out) -> b.leakyReluBackward(x, dy, a));
    }
}
