package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.PoolGeometry;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerCost;
import dev.cnn.api.tensor.Shape;
import java.util.Random;

/**
 * Max-pooling over windows of each feature map (the largest value
 * in each window). Input {@code [C, H, W]}, output {@code [C, Ho, Wo]}. Type id {@code "max_pool2d"}.
 *
 * @param poolHeight    window rows
 * @param poolWidth     window columns
 * @param strideHeight  vertical step between windows
 * @param strideWidth   horizontal step between windows
 * @param paddingHeight rows of padding above and below (never counted)
 * @param paddingWidth  columns of padding left and right (never counted)
 * @param ceilMode      whether the output size rounds up, as PyTorch's {@code ceil_mode} ({@link PoolGeometry})
 */
public record MaxPool2D(int poolHeight, int poolWidth, int strideHeight, int strideWidth,
                        int paddingHeight, int paddingWidth, boolean ceilMode) implements LayerConfig {

    /** Checks the window, stride and padding. */
    public MaxPool2D {
        new PoolGeometry(poolHeight, poolWidth, strideHeight, strideWidth, paddingHeight, paddingWidth);
    }

    /** Rounding the output size down. */
    public MaxPool2D(int poolHeight, int poolWidth, int strideHeight, int strideWidth, int paddingHeight,
                     int paddingWidth) {
        this(poolHeight, poolWidth, strideHeight, strideWidth, paddingHeight, paddingWidth, false);
    }

    /** This pooling rounding its output size up ({@code true}, PyTorch's {@code ceil_mode=True}) or down. */
    public MaxPool2D withCeilMode(boolean ceil) {
        return new MaxPool2D(poolHeight, poolWidth, strideHeight, strideWidth, paddingHeight, paddingWidth, ceil);
    }

    /** A square window of {@code size} moving by {@code size}: {@code of(2)} halves height and width. */
    public static MaxPool2D of(int size) {
        return new MaxPool2D(size, size, size, size, 0, 0);
    }

    PoolGeometry geometry() {
        return new PoolGeometry(poolHeight, poolWidth, strideHeight, strideWidth, paddingHeight, paddingWidth,
                ceilMode, false);
    }

    @Override
    public Shape outputShape(Shape input) {
        return PoolShapes.outputShape("max_pool2d", geometry(), input);
    }

    /** Each output value reads its window of {@code poolHeight x poolWidth}. */
    @Override
    public LayerCost cost(Shape input) {
        return LayerCost.perValue(outputShape(input), LayerCost.product(poolHeight, poolWidth));
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        outputShape(input);
        return new PoolLayer(this, geometry(), true, backend);
    }
}
