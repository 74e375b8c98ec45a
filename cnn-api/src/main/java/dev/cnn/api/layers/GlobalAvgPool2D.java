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
 * The mean of each whole feature map: input {@code [C, H, W]}, output {@code [C]}. Type id
 * {@code "global_avg_pool2d"}.
 */
public record GlobalAvgPool2D() implements LayerConfig {

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 3) {
            throw new ShapeMismatchException("global_avg_pool2d needs input [channels, height, width], got " + input);
        }
        return Shape.of(input.dim(0));
    }

    /** Every input value is added once. */
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
            private Shape lastInputShape;

            @Override
            public LayerConfig config() {
                return GlobalAvgPool2D.this;
            }

            @Override
            public Tensor forward(Tensor x, boolean training) {
                lastInputShape = x.shape();
                return backend.reshape(backend.avgPool2d(x, whole), Shape.of(x.shape().dim(0), input.dim(0)));
            }

            @Override
            public Tensor backward(Tensor outputGradient) {
                Tensor asMaps = backend.reshape(outputGradient, Shape.of(lastInputShape.dim(0), input.dim(0), 1, 1));
                return backend.avgPool2dBackward(asMaps, whole, lastInputShape);
            }
        };
    }
}
