package dev.cnn.api.backend;

import dev.cnn.api.tensor.Shape;

/**
 * Window, stride, padding and rounding of a 2-d pooling. Padded positions never win a max. An average divides a
 * window's sum by the number of input cells inside it, or, with {@code countIncludePad}, by the number of its cells
 * inside the padded input (input plus padding on both sides), as PyTorch's {@code count_include_pad=True}.
 *
 * <p>With {@code ceilMode} the output size rounds up instead of down, as PyTorch's and ONNX's {@code ceil_mode}: the
 * last window may reach past the padding (those cells are not looked at, and not counted even with
 * {@code countIncludePad}), and a last window that would start past the input and its leading padding is dropped, so
 * every window holds at least one input cell.
 *
 * @param kernelH         window height
 * @param kernelW         window width
 * @param strideH         vertical step between windows
 * @param strideW         horizontal step between windows
 * @param padH            rows of padding above and below
 * @param padW            columns of padding left and right
 * @param ceilMode        whether the output size rounds up (else down)
 * @param countIncludePad whether an average counts the padded cells of its window
 */
public record PoolGeometry(int kernelH, int kernelW, int strideH, int strideW, int padH, int padW, boolean ceilMode,
                           boolean countIncludePad) {

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

    /** Rounding down, an average counting only the input cells. */
    public PoolGeometry(int kernelH, int kernelW, int strideH, int strideW, int padH, int padW) {
        this(kernelH, kernelW, strideH, strideW, padH, padW, false, false);
    }

    /** A square window of size {@code k} moving by {@code k}, without padding (the classic 2x2 pool). */
    public static PoolGeometry square(int k) {
        return new PoolGeometry(k, k, k, k, 0, 0);
    }

    /** This pooling rounding its output size up ({@code true}) or down. */
    public PoolGeometry withCeilMode(boolean ceil) {
        return new PoolGeometry(kernelH, kernelW, strideH, strideW, padH, padW, ceil, countIncludePad);
    }

    /** This pooling with an average that counts the padding ({@code true}) or only the input cells. */
    public PoolGeometry withCountIncludePad(boolean include) {
        return new PoolGeometry(kernelH, kernelW, strideH, strideW, padH, padW, ceilMode, include);
    }

    /** Output height for an input of height {@code h}. */
    public int outputHeight(int h) {
        return ceilMode ? SizeArithmetic.slidingOutputCeil(h, padH, kernelH, strideH)
                : SizeArithmetic.slidingOutput(h, padH, kernelH, strideH);
    }

    /** Output width for an input of width {@code w}. */
    public int outputWidth(int w) {
        return ceilMode ? SizeArithmetic.slidingOutputCeil(w, padW, kernelW, strideW)
                : SizeArithmetic.slidingOutput(w, padW, kernelW, strideW);
    }

    /**
     * What an average pooling of an input {@code height x width} divides the sum of window {@code (oh, ow)} by: the
     * window's input cells, or with {@code countIncludePad} its cells inside the padded input.
     */
    public int divisor(int height, int width, int oh, int ow) {
        int margin = countIncludePad ? 1 : 0;
        return windowCells(oh * strideH - padH, kernelH, height, padH * margin)
                * windowCells(ow * strideW - padW, kernelW, width, padW * margin);
    }

    private static int windowCells(int start, int kernel, int size, int pad) {
        return Math.min(start + kernel, size + pad) - Math.max(start, -pad);
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
        int ho = outputHeight(input.dim(2));
        int wo = outputWidth(input.dim(3));
        if (ho < 1 || wo < 1) {
            throw new IllegalArgumentException("pool window " + kernelH + "x" + kernelW + " does not fit input " + input);
        }
        return Shape.of(input.dim(0), input.dim(1), ho, wo);
    }
}
