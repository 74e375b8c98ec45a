package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.PoolGeometry;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerCost;
import dev.cnn.api.tensor.Shape;
import java.util.Random;

/**
 * Average pooling over windows of each feature map (the mean of the values
 * in each window). Input {@code [C, H, W]}, output {@code [C, Ho, Wo]}. Type id {@code "avg_pool2d"}.
 *
 * @param poolHeight    window rows
 * @param poolWidth     window columns
 * @param strideHeight  vertical step between windows
 * @param strideWidth   horizontal step between windows
 * @param paddingHeight rows of padding above and below (never counted)
 * @param paddingWidth  columns of padding left and right (never counted)
 */
public record AvgPool2D(int poolHeight, int poolWidth, int strideHeight, int strideWidth,
                        int paddingHeight, int paddingWidth) implements LayerConfig {

    /** Checks the window, stride and padding. */
    public AvgPool2D {
        new PoolGeometry(poolHeight, poolWidth, strideHeight, strideWidth, paddingHeight, paddingWidth);
    }

    /** A square window of {@code size} moving by {@code size}: {@code of(2)} halves height and width. */
    public static AvgPool2D of(int size) {
        return new AvgPool2D(size, size, size, size, 0, 0);
    }

    PoolGeometry geometry() {
        return new PoolGeometry(poolHeight, poolWidth, strideHeight, strideWidth, paddingHeight, paddingWidth);
    }

    @Override
    public Shape outputShape(Shape input) {
        return PoolShapes.outputShape("avg_pool2d", geometry(), input);
    }

    /** Each output value reads its window of {@code poolHeight x poolWidth}. */
    @Override
    public LayerCost cost(Shape input) {
        return LayerCost.perValue(outputShape(input), LayerCost.product(poolHeight, poolWidth));
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        outputShape(input);
        return new PoolLayer(this, geometry(), false, backend);
    }
}
