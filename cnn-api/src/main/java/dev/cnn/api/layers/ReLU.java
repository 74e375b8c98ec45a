package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.tensor.Shape;
import java.util.Random;

/** The rectified linear unit {@code max(x, 0)}, element-wise. Type id {@code "relu"}. */
public record ReLU() implements LayerConfig {

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        return new ActivationLayer(this, backend, (b, x, out) -> b.reluInto(x, out),
                (b, x, y, dy, out) -> b.reluBackwardInto(x, dy, out));
    }
}
