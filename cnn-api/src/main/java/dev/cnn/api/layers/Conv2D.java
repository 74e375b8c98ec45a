package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.backend.PadGeometry;
import dev.cnn.api.layer.Initializer;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerCost;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.tensor.Shape;
import java.util.Random;

/**
 * A 2-d convolution: {@code filters} kernels of {@code kernelHeight x kernelWidth}, each seeing every
 * input channel, slid with a stride over a zero-padded input (taps {@code dilation} cells apart), plus one bias per
 * filter. Input {@code [C, H, W]}, output {@code [filters, Ho, Wo]}. Type id {@code "conv2d"}.
 *
 * <p>With {@code samePadding} (Keras's {@code padding="same"}) the padding is worked out when the network is built,
 * for an output of {@code ceil(H / strideHeight) x ceil(W / strideWidth)}; where that padding is odd, the extra row
 * (below) and column (right) are padded by the layer before it convolves, as TensorFlow does.
 *
 * @param filters        number of output feature maps
 * @param kernelHeight   kernel rows
 * @param kernelWidth    kernel columns
 * @param strideHeight   vertical stride
 * @param strideWidth    horizontal stride
 * @param paddingHeight  zero rows above and below (0 with {@code samePadding})
 * @param paddingWidth   zero columns left and right (0 with {@code samePadding})
 * @param dilationHeight vertical spacing of the kernel's taps (0, from a file that predates it, reads as 1)
 * @param dilationWidth  horizontal spacing of the kernel's taps (0 reads as 1)
 * @param samePadding    whether the padding is Keras's "same", resolved for the input at build time
 * @param useBias        whether to add a learned bias per filter
 * @param initializer    how the kernels start
 */
public record Conv2D(int filters, int kernelHeight, int kernelWidth, int strideHeight, int strideWidth,
                     int paddingHeight, int paddingWidth, int dilationHeight, int dilationWidth, boolean samePadding,
                     boolean useBias, Initializer initializer) implements LayerConfig {

    /** Checks that every size is positive. */
    public Conv2D {
        if (filters < 1 || kernelHeight < 1 || kernelWidth < 1) {
            throw new IllegalArgumentException("conv2d needs at least 1 filter and a kernel of at least 1x1, got "
                    + filters + " filters of " + kernelHeight + "x" + kernelWidth);
        }
        if (initializer == null) {
            initializer = Initializer.XAVIER;
        }
        dilationHeight = dilationHeight == 0 ? 1 : dilationHeight;
        dilationWidth = dilationWidth == 0 ? 1 : dilationWidth;
        if (samePadding && (paddingHeight != 0 || paddingWidth != 0)) {
            throw new IllegalArgumentException("conv2d with same padding works its padding out itself, got padding "
                    + paddingHeight + "x" + paddingWidth + " as well; give one or the other");
        }
        new ConvGeometry(strideHeight, strideWidth, paddingHeight, paddingWidth, dilationHeight, dilationWidth);
    }

    /** Explicit padding and no dilation. */
    public Conv2D(int filters, int kernelHeight, int kernelWidth, int strideHeight, int strideWidth,
                  int paddingHeight, int paddingWidth, boolean useBias, Initializer initializer) {
        this(filters, kernelHeight, kernelWidth, strideHeight, strideWidth, paddingHeight, paddingWidth, 1, 1, false,
                useBias, initializer);
    }

    /** {@code filters} square kernels of size {@code kernel}, stride 1, no padding, with bias, Xavier (Glorot uniform) init as in Keras. */
    public static Conv2D of(int filters, int kernel) {
        return new Conv2D(filters, kernel, kernel, 1, 1, 0, 0, true, Initializer.XAVIER);
    }

    /** This convolution with another stride in both directions. */
    public Conv2D withStride(int stride) {
        return new Conv2D(filters, kernelHeight, kernelWidth, stride, stride, paddingHeight, paddingWidth,
                dilationHeight, dilationWidth, samePadding, useBias, initializer);
    }

    /** This convolution with the same zero padding on every side (and not "same" padding). */
    public Conv2D withPadding(int padding) {
        return new Conv2D(filters, kernelHeight, kernelWidth, strideHeight, strideWidth, padding, padding,
                dilationHeight, dilationWidth, false, useBias, initializer);
    }

    /**
     * This convolution with Keras's {@code padding="same"}: an output of {@code ceil(size / stride)} per axis for any
     * kernel, stride and dilation, padded at build time (the odd cell below and on the right).
     */
    public Conv2D withSamePadding() {
        return new Conv2D(filters, kernelHeight, kernelWidth, strideHeight, strideWidth, 0, 0, dilationHeight,
                dilationWidth, true, useBias, initializer);
    }

    /** This convolution with its taps {@code dilation} cells apart in both directions. */
    public Conv2D withDilation(int dilation) {
        return new Conv2D(filters, kernelHeight, kernelWidth, strideHeight, strideWidth, paddingHeight, paddingWidth,
                dilation, dilation, samePadding, useBias, initializer);
    }

    /** This convolution with another initializer. */
    public Conv2D withInitializer(Initializer init) {
        return new Conv2D(filters, kernelHeight, kernelWidth, strideHeight, strideWidth, paddingHeight, paddingWidth,
                dilationHeight, dilationWidth, samePadding, useBias, init);
    }

    /** This convolution with or without bias. */
    public Conv2D withBias(boolean bias) {
        return new Conv2D(filters, kernelHeight, kernelWidth, strideHeight, strideWidth, paddingHeight, paddingWidth,
                dilationHeight, dilationWidth, samePadding, bias, initializer);
    }

    /** The padding of "same" for {@code input} {@code [C, H, W]}, split top/bottom and left/right. */
    PadGeometry samePads(Shape input) {
        return SamePadding.of(input.dim(1), input.dim(2), (kernelHeight - 1) * dilationHeight + 1,
                (kernelWidth - 1) * dilationWidth + 1, strideHeight, strideWidth);
    }

    /**
     * The zero padding this convolution gives {@code input} {@code [C, H, W]}, side by side: the given padding on both
     * sides of each axis, or "same" worked out for the input (the odd cell below and on the right).
     */
    public PadGeometry padding(Shape input) {
        return samePadding ? samePads(input) : new PadGeometry(paddingHeight, paddingHeight, paddingWidth, paddingWidth);
    }

    /** Stride, dilation and the symmetric padding for {@code input}: the given one, or the even part of "same". */
    ConvGeometry geometry(Shape input) {
        if (!samePadding) {
            return new ConvGeometry(strideHeight, strideWidth, paddingHeight, paddingWidth, dilationHeight, dilationWidth);
        }
        PadGeometry same = samePads(input);
        return new ConvGeometry(strideHeight, strideWidth, same.top(), same.left(), dilationHeight, dilationWidth);
    }

    /** What the layer pads before convolving {@code input}: the odd row and column of "same", or null for none. */
    PadGeometry extraPadding(Shape input) {
        return samePadding ? SamePadding.extra(samePads(input)) : null;
    }

    Shape filterShape(Shape input) {
        return Shape.of(filters, input.dim(0), kernelHeight, kernelWidth);
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 3) {
            throw new ShapeMismatchException("conv2d needs input [channels, height, width], got " + input);
        }
        ConvGeometry g = geometry(input);
        PadGeometry extra = extraPadding(input);
        int h = g.outputHeight(input.dim(1) + (extra == null ? 0 : extra.bottom()), kernelHeight);
        int w = g.outputWidth(input.dim(2) + (extra == null ? 0 : extra.right()), kernelWidth);
        if (h < 1 || w < 1) {
            throw new ShapeMismatchException("conv2d kernel " + kernelHeight + "x" + kernelWidth + " dilated "
                    + dilationHeight + "x" + dilationWidth + " with padding " + paddingHeight + "x" + paddingWidth
                    + " does not fit input " + input);
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
