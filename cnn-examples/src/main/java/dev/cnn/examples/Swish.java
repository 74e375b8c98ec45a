package dev.cnn.examples;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Random;

/**
 * A layer of your own: the Swish activation {@code x * sigmoid(x)}, written only against the backend's operations, so
 * it runs on every backend. {@link ExampleLayerTypes} registers its type id, {@code "example_swish"}, so that a model
 * holding it saves and loads like one of the built-in layers. The configuration (this record, what a model file
 * holds) and the runtime layer it builds (which remembers what backward needs) are separate.
 */
public record Swish() implements LayerConfig {

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        return new Layer() {
            private Tensor x;
            private Tensor sigmoid;

            @Override
            public LayerConfig config() {
                return Swish.this;
            }

            @Override
            public Tensor forward(Tensor input, boolean training) {
                x = input;
                sigmoid = backend.sigmoid(input);
                return backend.multiply(input, sigmoid);
            }

            @Override
            public Tensor backward(Tensor outputGradient) {
                // d/dx x s(x) = s + x s (1 - s) = s + xs - xs s
                Tensor xs = backend.multiply(x, sigmoid);
                Tensor slope = backend.add(sigmoid, backend.subtract(xs, backend.multiply(xs, sigmoid)));
                return backend.multiply(outputGradient, slope);
            }
        };
    }
}
