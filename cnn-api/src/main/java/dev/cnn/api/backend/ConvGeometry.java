package dev.cnn.api.backend;

import dev.cnn.api.tensor.Shape;

/**
 * Stride, zero padding and dilation of a 2-d convolution; the kernel size comes from the filter tensor. A dilation
 * of {@code d} spreads the kernel's taps {@code d} cells apart, so a {@code k}-tap kernel spans {@code (k - 1) d + 1}
 * cells. {@link Backend#conv2d} and {@link Backend#depthwiseConv2d} take any.
 *
 * @param strideH   vertical step between receptive fields, at least 1
 * @param strideW   horizontal step between receptive fields, at least 1
 * @param padH      zero rows added above and below the input
 * @param padW      zero columns added left and right of the input
 * @param dilationH vertical spacing of the kernel's taps, at least 1
 * @param dilationW horizontal spacing of the kernel's taps, at least 1
 */
public record ConvGeometry(int strideH, int strideW, int padH, int padW, int dilationH, int dilationW) {

    /** Checks that strides and dilations are positive and paddings not negative. */
    public ConvGeometry {
        if (strideH < 1 || strideW < 1) {
            throw new IllegalArgumentException("stride must be at least 1, got " + strideH + "x" + strideW);
        }
        if (padH < 0 || padW < 0) {
            throw new IllegalArgumentException("padding must not be negative, got " + padH + "x" + padW);
        }
        if (dilationH < 1 || dilationW < 1) {
            throw new IllegalArgumentException("dilation must be at least 1, got " + dilationH + "x" + dilationW);
        }
    }

    /** Stride and padding without dilation (dilation 1). */
    public ConvGeometry(int strideH, int strideW, int padH, int padW) {
        this(strideH, strideW, padH, padW, 1, 1);
    }

    /** Whether the taps are adjacent (dilation 1 both ways). */
    public boolean undilated() {
        return dilationH == 1 && dilationW == 1;
    }

    /** Output height for an input of height {@code h} and a kernel of height {@code kernelH}. */
    public int outputHeight(int h, int kernelH) {
        return SizeArithmetic.slidingOutput(h, padH, SizeArithmetic.dilatedSpan(kernelH, dilationH), strideH);
    }

    /** Output width for an input of width {@code w} and a kernel of width {@code kernelW}. */
    public int outputWidth(int w, int kernelW) {
        return SizeArithmetic.slidingOutput(w, padW, SizeArithmetic.dilatedSpan(kernelW, dilationW), strideW);
    }

    /**
     * The output shape {@code [N, O, Ho, Wo]} of convolving {@code input} {@code [N, C, H, W]} with
     * {@code filter} {@code [O, C, kH, kW]}.
     *
     * @throws IllegalArgumentException naming both shapes when they do not fit together
     */
    public Shape outputShape(Shape input, Shape filter) {
        if (input.rank() != 4 || filter.rank() != 4) {
            throw new IllegalArgumentException("conv2d needs input [N, C, H, W] and filter [O, C, kH, kW], got input "
                    + input + " and filter " + filter);
        }
        if (input.dim(1) != filter.dim(1)) {
            throw new IllegalArgumentException("conv2d input has " + input.dim(1) + " channels but filter "
                    + filter + " expects " + filter.dim(1));
        }
        return Shape.of(input.dim(0), filter.dim(0), fit("conv2d", input, filter, 0), fit("conv2d", input, filter, 1));
    }

    /**
     * The output shape {@code [N, C * M, Ho, Wo]} of the depthwise convolution of {@code input} {@code [N, C, H, W]}
     * with {@code filter} {@code [C, M, kH, kW]}: {@code M} filters per input channel, output channel {@code c M + m}.
     *
     * @throws IllegalArgumentException naming both shapes when they do not fit together
     */
    public Shape depthwiseOutputShape(Shape input, Shape filter) {
        if (input.rank() != 4 || filter.rank() != 4) {
            throw new IllegalArgumentException("depthwiseConv2d needs input [N, C, H, W] and filter [C, M, kH, kW], got"
                    + " input " + input + " and filter " + filter);
        }
        if (input.dim(1) != filter.dim(0)) {
            throw new IllegalArgumentException("depthwiseConv2d input " + input + " has " + input.dim(1) + " channels but filter "
                    + filter + " is for " + filter.dim(0));
        }
        long channels = (long) filter.dim(0) * filter.dim(1);
        if (channels > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("depthwiseConv2d filter " + filter + " makes too many channels");
        }
        return Shape.of(input.dim(0), (int) channels, fit("depthwiseConv2d", input, filter, 0),
                fit("depthwiseConv2d", input, filter, 1));
    }

    private int fit(String kernel, Shape input, Shape filter, int axis) {
        int out = axis == 0 ? outputHeight(input.dim(2), filter.dim(2)) : outputWidth(input.dim(3), filter.dim(3));
        if (out < 1) {
            throw new IllegalArgumentException(kernel + " kernel " + filter.dim(2) + "x" + filter.dim(3)
                    + (undilated() ? "" : " dilated " + dilationH + "x" + dilationW) + " does not fit input " + input
                    + " with padding " + padH + "x" + padW);
        }
        return out;
    }
}
