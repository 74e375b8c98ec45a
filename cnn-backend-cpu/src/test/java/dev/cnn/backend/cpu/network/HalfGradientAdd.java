package dev.cnn.backend.cpu.network;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layers.Add;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.List;
import java.util.Random;

/** An add whose backward pass is wrong on purpose (it halves the second input's gradient), for the checker to catch. */
record HalfGradientAdd() implements LayerConfig {

    @Override
    public Shape outputShape(Shape input) {
        return new Add().outputShape(input);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return new Add().outputShape(inputs);
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        return build(List.of(input), backend, random);
    }

    @Override
    public Layer build(List<Shape> inputs, Backend backend, Random random) {
        Layer add = new Add().build(inputs, backend, random);
        return new Layer() {
            @Override
            public LayerConfig config() {
                return HalfGradientAdd.this;
            }

            @Override
            public Tensor forward(Tensor input, boolean training) {
                return add.forward(input, training);
            }

            @Override
            public Tensor forward(List<Tensor> xs, boolean training) {
                return add.forward(xs, training);
            }

            @Override
            public Tensor backward(Tensor outputGradient) {
                return outputGradient;
            }

            @Override
            public List<Tensor> backwardInputs(Tensor outputGradient) {
                return List.of(outputGradient, backend.scale(outputGradient, 0.5f));
            }
        };
    }
}
