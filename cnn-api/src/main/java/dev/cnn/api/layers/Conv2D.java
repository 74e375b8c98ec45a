package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.layer.Initializer;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerCost;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.tensor.Shape;
import java.util.Random;

/**
 * A 2-d convolution: {@code filters} kernels of {@code kernelHeight x kernelWidth}, each seeing every
 * input channel, slid with a stride over a zero-padded input, plus one bias per filter. Input
 * {@code [C, H, W]}, output {@code [filters, Ho, Wo]}. Type id {@code "conv2d"}.
 *
 * @param filters       number of output feature maps
 * @param kernelHeight  kernel rows
 * @param kernelWidth   kernel columns
 * @param strideHeight  vertical stride
 * @param strideWidth   horizontal stride
 * @param paddingHeight zero rows above and below
 * @param paddingWidth  zero columns left and right
 * @param useBias       whether to add a learned bias per filter
 * @param initializer   how the kernels start
 */
public record Conv2D(int filters, int kernelHeight, int kernelWidth, int strideHeight, int strideWidth,
                     int paddingHeight, int paddingWidth, boolean useBias, Initializer initializer)
        implements LayerConfig {

    /** Checks that every size is positive. */
    public Conv2D {
        if (filters < 1 || kernelHeight < 1 || kernelWidth < 1) {
            throw new IllegalArgumentException("conv2d needs at least 1 filter and a kernel of at least 1x1, got "
                    + filters + " filters of " + kernelHeight + "x" + kernelWidth);
        }
        if (initializer == null) {
            initializer = Initializer.XAVIER;
        }
        geometry(strideHeight, strideWidth, paddingHeight, paddingWidth);
    }

    /** {@code filters} square kernels of size {@code kernel}, stride 1, no padding, with bias, Xavier (Glorot uniform) init as in Keras. */
    public static Conv2D of(int filters, int kernel) {
        return new Conv2D(filters, kernel, kernel, 1, 1, 0, 0, true, Initializer.XAVIER);
    }

    /** This convolution with another stride in both directions. */
    public Conv2D withStride(int stride) {
        return new Conv2D(filters, kernelHeight, kernelWidth, stride, stride, paddingHeight, paddingWidth, useBias, initializer);
    }

    /** This convolution with the same zero padding on every side. */
    public Conv2D withPadding(int padding) {
        return new Conv2D(filters, kernelHeight, kernelWidth, strideHeight, strideWidth, padding, padding, useBias, initializer);
    }

    /** This convolution with another initializer. */
    public Conv2D withInitializer(Initializer init) {
        return new Conv2D(filters, kernelHeight, kernelWidth, strideHeight, strideWidth, paddingHeight, paddingWidth, useBias, init);
    }

    /** This convolution with or without bias. */
    public Conv2D withBias(boolean bias) {
        return new Conv2D(filters, kernelHeight, kernelWidth, strideHeight, strideWidth, paddingHeight, paddingWidth, bias, initializer);
    }

    ConvGeometry geometry() {
        return geometry(strideHeight, strideWidth, paddingHeight, paddingWidth);
    }

    private static ConvGeometry geometry(int sh, int sw, int ph, int pw) {
        return new ConvGeometry(sh, sw, ph, pw);
    }

    Shape filterShape(Shape input) {
        return Shape.of(filters, input.dim(0), kernelHeight, kernelWidth);
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 3) {
            throw new ShapeMismatchException("conv2d needs input [channels, height, width], got " + input);
        }
        ConvGeometry g = geometry();
        int h = g.outputHeight(input.dim(1), kernelHeight);
        int w = g.outputWidth(input.dim(2), kernelWidth);
        if (h < 1 || w < 1) {
            throw new ShapeMismatchException("conv2d kernel " + kernelHeight + "x" + kernelWidth + " with padding "
                    + paddingHeight + "x" + paddingWidth + " does not fit input " + input);
        }
        return Shape.of(filters, h, w);
    }

    @Override
    public long parameterCount(Shape input) {
        return (long) filters * input.dim(0) * kernelHeight * kernelWidth + (useBias ? filters : 0);
    }

    /** Each output value takes {@code channels x kernelHeight x kernelWidth} multiply-adds. */
    @Override
    public LayerCost cost(Shape input) {
        return LayerCost.perValue(outputShape(input), LayerCost.product(input.dim(0), kernelHeight, kernelWidth));
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        outputShape(input);
        return new Conv2DLayer(this, input, backend, random);
    }
}
