package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.PoolGeometry;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerCost;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Random;

/**
 * The maximum of each whole feature map: input {@code [C, H, W]}, output {@code [C]}; ONNX's {@code GlobalMaxPool}.
 * Made of the backend's max pooling with one window the size of the map, so every backend that passes the pooling
 * properties of the TCK runs it. Type id {@code "global_max_pool2d"}.
 */
public record GlobalMaxPool2D() implements LayerConfig {

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 3) {
            throw new ShapeMismatchException("global_max_pool2d needs input [channels, height, width], got " + input);
        }
        return Shape.of(input.dim(0));
    }

    /** Every input value is compared once. */
    @Override
    public LayerCost cost(Shape input) {
        outputShape(input);
        return LayerCost.perValue(input);
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        outputShape(input);
        PoolGeometry whole = new PoolGeometry(input.dim(1), input.dim(2), input.dim(1), input.dim(2), 0, 0);
        return new Layer() {
            private Tensor lastInput;

            @Override
            public LayerConfig config() {
                return GlobalMaxPool2D.this;
            }

            @Override
            public Tensor forward(Tensor x, boolean training) {
                lastInput = x;
                return backend.reshape(backend.maxPool2d(x, whole), Shape.of(x.shape().dim(0), input.dim(0)));
            }

            @Override
            public Tensor backward(Tensor outputGradient) {
                Tensor asMaps = backend.reshape(outputGradient, Shape.of(lastInput.shape().dim(0), input.dim(0), 1, 1));
                return backend.maxPool2dBackward(lastInput, asMaps, whole);
            }
        };
    }
}
