package dev.cnn.backend.cpu.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.List;
import java.util.Random;

/** A dense layer whose backward pass returns 1.1 times the true input gradient: a planted error. */
record MisscaledDense(int units) implements LayerConfig {

    @Override
    public Shape outputShape(Shape input) {
        return Dense.of(units).outputShape(input);
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        Layer inner = Dense.of(units).build(input, backend, random);
        return new Layer() {
            @Override
            public LayerConfig config() {
                return MisscaledDense.this;
            }

            @Override
            public Tensor forward(Tensor x, boolean training) {
                return inner.forward(x, training);
            }

            @Override
            public Tensor backward(Tensor outputGradient) {
                return backend.scale(inner.backward(outputGradient), 1.1f);
            }

            @Override
            public List<dev.cnn.api.layer.Parameter> parameters() {
                return inner.parameters();
            }
        };
    }
}
