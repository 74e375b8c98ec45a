package dev.cnn.api.backend;

import dev.cnn.api.tensor.Shape;

/**
 * Stride and zero padding of a 2-d convolution; the kernel size comes from the filter tensor.
 *
 * @param strideH vertical step between receptive fields, at least 1
 * @param strideW horizontal step between receptive fields, at least 1
 * @param padH    zero rows added above and below the input
 * @param padW    zero columns added left and right of the input
 */
public record ConvGeometry(int strideH, int strideW, int padH, int padW) {

    /** Checks that strides are positive and paddings not negative. */
    public ConvGeometry {
        if (strideH < 1 || strideW < 1) {
            throw new IllegalArgumentException("stride must be at least 1, got " + strideH + "x" + strideW);
        }
        if (padH < 0 || padW < 0) {
            throw new IllegalArgumentException("padding must not be negative, got " + padH + "x" + padW);
        }
    }

    /** Output height for an input of height {@code h} and a kernel of height {@code kernelH}. */
    public int outputHeight(int h, int kernelH) {
        return SizeArithmetic.slidingOutput(h, padH, kernelH, strideH);
    }

    /** Output width for an input of width {@code w} and a kernel of width {@code kernelW}. */
    public int outputWidth(int w, int kernelW) {
        return SizeArithmetic.slidingOutput(w, padW, kernelW, strideW);
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
        int ho = outputHeight(input.dim(2), filter.dim(2));
        int wo = outputWidth(input.dim(3), filter.dim(3));
        if (ho < 1 || wo < 1) {
            throw new IllegalArgumentException("kernel " + filter.dim(2) + "x" + filter.dim(3)
                    + " does not fit input " + input + " with padding " + padH + "x" + padW);
        }
        return Shape.of(input.dim(0), filter.dim(0), ho, wo);
    }
}
