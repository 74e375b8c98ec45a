package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerCost;
import dev.cnn.api.tensor.Shape;
import java.util.Random;

/**
 * A depthwise-separable 2-d convolution: a {@link DepthwiseConv2D} (each channel filtered on its own, no bias), then a
 * pointwise 1x1 convolution to {@code filters} maps with bias. Far fewer parameters than a {@link Conv2D} of the same
 * kernel: {@code C M kH kW + C M filters} against {@code C kH kW filters}. Input {@code [C, H, W]}, output
 * {@code [filters, Ho, Wo]}. Type id {@code "separable_conv2d"}.
 *
 * @param filters   output maps of the pointwise step
 * @param depthwise the depthwise step (its own bias setting is ignored: the bias is the pointwise step's)
 * @param useBias   whether to add a learned bias per output map
 */
public record SeparableConv2D(int filters, DepthwiseConv2D depthwise, boolean useBias) implements LayerConfig {

    /** Checks the sizes. */
    public SeparableConv2D {
        if (filters < 1) {
            throw new IllegalArgumentException("separable_conv2d needs at least 1 filter, got " + filters);
        }
        if (depthwise == null) {
            throw new IllegalArgumentException("separable_conv2d needs its depthwise step");
        }
        depthwise = depthwise.withBias(false);
    }

    /** {@code filters} maps from square {@code kernel}s, depth multiplier 1, stride 1, no padding, with bias. */
    public static SeparableConv2D of(int filters, int kernel) {
        return new SeparableConv2D(filters, DepthwiseConv2D.of(kernel), true);
    }

    /** This convolution with the same zero padding on every side. */
    public SeparableConv2D withPadding(int padding) {
        return new SeparableConv2D(filters, depthwise.withPadding(padding), useBias);
    }

    /** This convolution with another stride in both directions. */
    public SeparableConv2D withStride(int stride) {
        return new SeparableConv2D(filters, depthwise.withStride(stride), useBias);
    }

    /** This convolution with its depthwise taps {@code dilation} cells apart. */
    public SeparableConv2D withDilation(int dilation) {
        return new SeparableConv2D(filters, depthwise.withDilation(dilation), useBias);
    }

    @Override
    public Shape outputShape(Shape input) {
        Shape middle = depthwise.outputShape(input);
        return Shape.of(filters, middle.dim(1), middle.dim(2));
    }

    @Override
    public long parameterCount(Shape input) {
        long middle = (long) depthwise.outputShape(input).dim(0);
        return depthwise.parameterCount(input) + middle * filters + (useBias ? filters : 0);
    }

    /** The depthwise convolution, then a pointwise one over its channels, in two kernel calls. */
    @Override
    public LayerCost cost(Shape input) {
        Shape middle = depthwise.outputShape(input);
        return depthwise.cost(input).plus(LayerCost.perValue(outputShape(input), middle.dim(0)));
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        outputShape(input);
        return new SeparableConv2DLayer(this, input, backend, random);
    }
}
