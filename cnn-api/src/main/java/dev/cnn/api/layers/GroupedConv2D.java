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
 * A grouped 2-d convolution: the input channels are split into {@code groups} equal groups and each group is
 * convolved with its own {@code filters / groups} kernels, as in ResNeXt; the outputs are joined along the channels.
 * With one group it is a {@link Conv2D}; with as many groups as channels and filters it is a depthwise convolution.
 * It runs on the backend's {@code conv2d} kernels per group, with {@code sliceChannels} and {@code concatChannels}
 * around them; the taps may be {@code dilation} cells apart. Input {@code [C, H, W]}, output {@code [filters, Ho, Wo]}.
 * Type id {@code "grouped_conv2d"}.
 *
 * @param filters       output maps, a multiple of {@code groups}
 * @param groups        how many independent groups, dividing the input channels and {@code filters}
 * @param kernelHeight  kernel rows
 * @param kernelWidth   kernel columns
 * @param strideHeight  vertical stride
 * @param strideWidth   horizontal stride
 * @param paddingHeight zero rows above and below
 * @param paddingWidth  zero columns left and right
 * @param dilationHeight vertical spacing of the kernel's taps (0, from a file that predates it, reads as 1)
 * @param dilationWidth  horizontal spacing of the kernel's taps (0 reads as 1)
 * @param useBias       whether to add a learned bias per filter
 * @param initializer   how the kernels start
 */
public record GroupedConv2D(int filters, int groups, int kernelHeight, int kernelWidth, int strideHeight,
                            int strideWidth, int paddingHeight, int paddingWidth, int dilationHeight,
                            int dilationWidth, boolean useBias, Initializer initializer) implements LayerConfig {

    /** Checks that every size is positive and the groups divide the filters. */
    public GroupedConv2D {
        if (filters < 1 || groups < 1 || kernelHeight < 1 || kernelWidth < 1) {
            throw new IllegalArgumentException("grouped_conv2d needs at least 1 filter, 1 group and a 1x1 kernel, got "
                    + filters + " filters in " + groups + " groups of " + kernelHeight + "x" + kernelWidth);
        }
        if (filters % groups != 0) {
            throw new IllegalArgumentException("grouped_conv2d needs filters divisible by groups, got " + filters
                    + " filters in " + groups + " groups");
        }
        if (initializer == null) {
            initializer = Initializer.XAVIER;
        }
        dilationHeight = dilationHeight == 0 ? 1 : dilationHeight;
        dilationWidth = dilationWidth == 0 ? 1 : dilationWidth;
        new ConvGeometry(strideHeight, strideWidth, paddingHeight, paddingWidth, dilationHeight, dilationWidth);
    }

    /** No dilation. */
    public GroupedConv2D(int filters, int groups, int kernelHeight, int kernelWidth, int strideHeight,
                         int strideWidth, int paddingHeight, int paddingWidth, boolean useBias, Initializer initializer) {
        this(filters, groups, kernelHeight, kernelWidth, strideHeight, strideWidth, paddingHeight, paddingWidth, 1, 1,
                useBias, initializer);
    }

    /** {@code filters} square kernels of size {@code kernel} in {@code groups} groups, stride 1, no padding, bias. */
    public static GroupedConv2D of(int filters, int groups, int kernel) {
        return new GroupedConv2D(filters, groups, kernel, kernel, 1, 1, 0, 0, true, Initializer.XAVIER);
    }

    /** This convolution with the same zero padding on every side. */
    public GroupedConv2D withPadding(int padding) {
        return new GroupedConv2D(filters, groups, kernelHeight, kernelWidth, strideHeight, strideWidth, padding, padding,
                dilationHeight, dilationWidth, useBias, initializer);
    }

    /** This convolution with another stride in both directions. */
    public GroupedConv2D withStride(int stride) {
        return new GroupedConv2D(filters, groups, kernelHeight, kernelWidth, stride, stride, paddingHeight, paddingWidth,
                dilationHeight, dilationWidth, useBias, initializer);
    }

    /** This convolution with its taps {@code dilation} cells apart in both directions. */
    public GroupedConv2D withDilation(int dilation) {
        return new GroupedConv2D(filters, groups, kernelHeight, kernelWidth, strideHeight, strideWidth, paddingHeight,
                paddingWidth, dilation, dilation, useBias, initializer);
    }

    ConvGeometry geometry() {
        return new ConvGeometry(strideHeight, strideWidth, paddingHeight, paddingWidth, dilationHeight, dilationWidth);
    }

    /** {@code [filters, C / groups, kH, kW]}: each group's kernels one after another. */
    Shape filterShape(Shape input) {
        return Shape.of(filters, input.dim(0) / groups, kernelHeight, kernelWidth);
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 3) {
            throw new ShapeMismatchException("grouped_conv2d needs input [channels, height, width], got " + input);
        }
        if (input.dim(0) % groups != 0) {
            throw new ShapeMismatchException("grouped_conv2d with " + groups + " groups needs input channels divisible"
                    + " by " + groups + ", got input " + input);
        }
        ConvGeometry g = geometry();
        int h = g.outputHeight(input.dim(1), kernelHeight);
        int w = g.outputWidth(input.dim(2), kernelWidth);
        if (h < 1 || w < 1) {
            throw new ShapeMismatchException("grouped_conv2d kernel " + kernelHeight + "x" + kernelWidth
                    + " dilated " + dilationHeight + "x" + dilationWidth + " with padding " + paddingHeight + "x" + paddingWidth + " does not fit input " + input);
        }
        return Shape.of(filters, h, w);
    }

    @Override
    public long parameterCount(Shape input) {
        outputShape(input);
        return (long) filters * (input.dim(0) / groups) * kernelHeight * kernelWidth + (useBias ? filters : 0);
    }

    /**
     * Each output value takes {@code channels / groups x kernelHeight x kernelWidth} multiply-adds; each group costs five
     * kernel calls (slicing its input and its weights, and its convolution).
     */
    @Override
    public LayerCost cost(Shape input) {
        return LayerCost.perValue(outputShape(input), LayerCost.product(input.dim(0) / groups, kernelHeight, kernelWidth))
                .withKernelCalls(5L * groups);
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        outputShape(input);
        return new GroupedConv2DLayer(this, input, backend, random);
    }
}
