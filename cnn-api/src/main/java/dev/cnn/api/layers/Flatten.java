package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Random;

/** Lays each image out as one row: input {@code [C, H, W]}, output {@code [C * H * W]}. Type id {@code "flatten"}. */
public record Flatten() implements LayerConfig {

    @Override
    public Shape outputShape(Shape input) {
        return Shape.of(input.size());
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        return new Layer() {
            private Shape lastInputShape;

            @Override
            public LayerConfig config() {
                return Flatten.this;
            }

            @Override
            public Tensor forward(Tensor x, boolean training) {
                lastInputShape = x.shape();
                return backend.reshape(x, Shape.of(x.shape().dim(0), input.size()));
            }

            @Override
            public Tensor backward(Tensor outputGradient) {
                return backend.reshape(outputGradient, lastInputShape);
            }
        };
    }
}
