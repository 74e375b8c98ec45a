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
 * in each window; the padding counted only with {@code countIncludePad}). Input {@code [C, H, W]}, output {@code [C, Ho, Wo]}. Type id {@code "avg_pool2d"}.
 *
 * @param poolHeight      window rows
 * @param poolWidth       window columns
 * @param strideHeight    vertical step between windows
 * @param strideWidth     horizontal step between windows
 * @param paddingHeight   rows of padding above and below
 * @param paddingWidth    columns of padding left and right
 * @param ceilMode        whether the output size rounds up, as PyTorch's {@code ceil_mode} ({@link PoolGeometry})
 * @param countIncludePad whether the padding counts in the mean, as PyTorch's {@code count_include_pad=True}
 */
public record AvgPool2D(int poolHeight, int poolWidth, int strideHeight, int strideWidth,
                        int paddingHeight, int paddingWidth, boolean ceilMode, boolean countIncludePad)
        implements LayerConfig {

    /** Checks the window, stride and padding. */
    public AvgPool2D {
        new PoolGeometry(poolHeight, poolWidth, strideHeight, strideWidth, paddingHeight, paddingWidth);
    }

    /** Rounding the output size down and counting only the input cells (as Keras). */
    public AvgPool2D(int poolHeight, int poolWidth, int strideHeight, int strideWidth, int paddingHeight,
                     int paddingWidth) {
        this(poolHeight, poolWidth, strideHeight, strideWidth, paddingHeight, paddingWidth, false, false);
    }

    /** This pooling rounding its output size up ({@code true}, PyTorch's {@code ceil_mode=True}) or down. */
    public AvgPool2D withCeilMode(boolean ceil) {
        return new AvgPool2D(poolHeight, poolWidth, strideHeight, strideWidth, paddingHeight, paddingWidth, ceil,
                countIncludePad);
    }

    /** This pooling counting the padding in its means ({@code true}, PyTorch's default) or only the input cells. */
    public AvgPool2D withCountIncludePad(boolean include) {
        return new AvgPool2D(poolHeight, poolWidth, strideHeight, strideWidth, paddingHeight, paddingWidth, ceilMode,
                include);
    }

    /** A square window of {@code size} moving by {@code size}: {@code of(2)} halves height and width. */
    public static AvgPool2D of(int size) {
        return new AvgPool2D(size, size, size, size, 0, 0);
    }

    PoolGeometry geometry() {
        return new PoolGeometry(poolHeight, poolWidth, strideHeight, strideWidth, paddingHeight, paddingWidth,
                ceilMode, countIncludePad);
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
