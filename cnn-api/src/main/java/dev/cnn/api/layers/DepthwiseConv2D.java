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
 * A depthwise 2-d convolution: each input channel convolved on its own with {@code depthMultiplier} kernels of
 * {@code kernelHeight x kernelWidth} (stride, zero padding, dilation), plus one bias per output channel. Input
 * {@code [C, H, W]}, output {@code [C * depthMultiplier, Ho, Wo]}; output channel {@code c M + m} comes from input
 * channel {@code c}. Type id {@code "depthwise_conv2d"}.
 *
 * @param kernelHeight    kernel rows
 * @param kernelWidth     kernel columns
 * @param depthMultiplier kernels per input channel, M
 * @param strideHeight    vertical stride
 * @param strideWidth     horizontal stride
 * @param paddingHeight   zero rows above and below
 * @param paddingWidth    zero columns left and right
 * @param dilationHeight  vertical spacing of the kernel's taps
 * @param dilationWidth   horizontal spacing of the kernel's taps
 * @param useBias         whether to add a learned bias per output channel
 * @param initializer     how the kernels start
 */
public record DepthwiseConv2D(int kernelHeight, int kernelWidth, int depthMultiplier, int strideHeight, int strideWidth,
                              int paddingHeight, int paddingWidth, int dilationHeight, int dilationWidth,
                              boolean useBias, Initializer initializer) implements LayerConfig {

    /** Checks that every size is positive. */
    public DepthwiseConv2D {
        if (kernelHeight < 1 || kernelWidth < 1 || depthMultiplier < 1) {
            throw new IllegalArgumentException("depthwise_conv2d needs a kernel of at least 1x1 and a depth multiplier"
                    + " of at least 1, got " + kernelHeight + "x" + kernelWidth + " times " + depthMultiplier);
        }
        if (initializer == null) {
            initializer = Initializer.XAVIER;
        }
        new ConvGeometry(strideHeight, strideWidth, paddingHeight, paddingWidth, dilationHeight, dilationWidth);
    }

    /** Square kernels of size {@code kernel}, one per channel, stride 1, no padding or dilation, with bias. */
    public static DepthwiseConv2D of(int kernel) {
        return new DepthwiseConv2D(kernel, kernel, 1, 1, 1, 0, 0, 1, 1, true, Initializer.XAVIER);
    }

    /** This convolution with {@code m} kernels per input channel. */
    public DepthwiseConv2D withDepthMultiplier(int m) {
        return new DepthwiseConv2D(kernelHeight, kernelWidth, m, strideHeight, strideWidth, paddingHeight, paddingWidth,
                dilationHeight, dilationWidth, useBias, initializer);
    }

    /** This convolution with another stride in both directions. */
    public DepthwiseConv2D withStride(int stride) {
        return new DepthwiseConv2D(kernelHeight, kernelWidth, depthMultiplier, stride, stride, paddingHeight, paddingWidth,
                dilationHeight, dilationWidth, useBias, initializer);
    }

    /** This convolution with the same zero padding on every side. */
    public DepthwiseConv2D withPadding(int padding) {
        return new DepthwiseConv2D(kernelHeight, kernelWidth, depthMultiplier, strideHeight, strideWidth, padding, padding,
                dilationHeight, dilationWidth, useBias, initializer);
    }

    /** This convolution with its taps {@code dilation} cells apart in both directions. */
    public DepthwiseConv2D withDilation(int dilation) {
        return new DepthwiseConv2D(kernelHeight, kernelWidth, depthMultiplier, strideHeight, strideWidth, paddingHeight,
                paddingWidth, dilation, dilation, useBias, initializer);
    }

    /** This convolution with or without bias. */
    public DepthwiseConv2D withBias(boolean bias) {
        return new DepthwiseConv2D(kernelHeight, kernelWidth, depthMultiplier, strideHeight, strideWidth, paddingHeight,
                paddingWidth, dilationHeight, dilationWidth, bias, initializer);
    }

    ConvGeometry geometry() {
        return new ConvGeometry(strideHeight, strideWidth, paddingHeight, paddingWidth, dilationHeight, dilationWidth);
    }

    Shape filterShape(Shape input) {
        return Shape.of(input.dim(0), depthMultiplier, kernelHeight, kernelWidth);
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 3) {
            throw new ShapeMismatchException("depthwise_conv2d needs input [channels, height, width], got " + input);
        }
        try {
            return geometry().depthwiseOutputShape(input.withBatch(1), filterShape(input)).withoutBatch();
        } catch (IllegalArgumentException e) {
            throw new ShapeMismatchException("depthwise_conv2d kernel " + kernelHeight + "x" + kernelWidth
                    + " dilated " + dilationHeight + "x" + dilationWidth + " with padding " + paddingHeight + "x"
                    + paddingWidth + " does not fit input " + input + "; pad it or use a smaller kernel");
        }
    }

    @Override
    public long parameterCount(Shape input) {
        outputShape(input);
        long outputs = (long) input.dim(0) * depthMultiplier;
        return outputs * kernelHeight * kernelWidth + (useBias ? outputs : 0);
    }

    /** Each output value takes {@code kernelHeight x kernelWidth} multiply-adds, from its one input channel. */
    @Override
    public LayerCost cost(Shape input) {
        return LayerCost.perValue(outputShape(input), LayerCost.product(kernelHeight, kernelWidth));
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        outputShape(input);
        return new DepthwiseConv2DLayer(this, input, backend, random);
    }
}
