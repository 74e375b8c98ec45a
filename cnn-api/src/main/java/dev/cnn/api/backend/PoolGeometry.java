package dev.cnn.api.backend;

import dev.cnn.api.tensor.Shape;

/**
 * Window, stride and padding of a 2-d pooling. Padded positions never win a max and are not
 * counted in an average (the divisor is the number of input elements inside the window).
 *
 * @param kernelH window height
 * @param kernelW window width
 * @param strideH vertical step between windows
 * @param strideW horizontal step between windows
 * @param padH    rows of padding above and below
 * @param padW    columns of padding left and right
 */
public record PoolGeometry(int kernelH, int kernelW, int strideH, int strideW, int padH, int padW) {

    /** Checks that kernel and stride are positive and that padding is smaller than the kernel. */
    public PoolGeometry {
        if (kernelH < 1 || kernelW < 1 || strideH < 1 || strideW < 1) {
            throw new IllegalArgumentException("pool kernel and stride must be at least 1, got kernel "
                    + kernelH + "x" + kernelW + " stride " + strideH + "x" + strideW);
        }
        if (padH < 0 || padW < 0 || padH >= kernelH || padW >= kernelW) {
            throw new IllegalArgumentException("pool padding must be at least 0 and smaller than the kernel, got "
                    + padH + "x" + padW + " for kernel " + kernelH + "x" + kernelW);
        }
    }

    /** A square window of size {@code k} moving by {@code k}, without padding (the classic 2x2 pool). */
    public static PoolGeometry square(int k) {
        return new PoolGeometry(k, k, k, k, 0, 0);
    }

    /**
     * The output shape {@code [N, C, Ho, Wo]} of pooling {@code input} {@code [N, C, H, W]}.
     *
     * @throws IllegalArgumentException when the window does not fit
     */
    public Shape outputShape(Shape input) {
        if (input.rank() != 4) {
            throw new IllegalArgumentException("pooling needs input [N, C, H, W], got " + input);
        }
        int ho = SizeArithmetic.slidingOutput(input.dim(2), padH, kernelH, strideH);
        int wo = SizeArithmetic.slidingOutput(input.dim(3), padW, kernelW, strideW);
        if (ho < 1 || wo < 1) {
            throw new IllegalArgumentException("pool window " + kernelH + "x" + kernelW + " does not fit input " + input);
        }
        return Shape.of(input.dim(0), input.dim(1), ho, wo);
    }
}
