package dev.cnn.api.backend;

import dev.cnn.api.tensor.Shape;

/**
 * How many rows and columns {@link Backend#pad2d} adds on each side of every feature map: as PyTorch's
 * {@code ConstantPad2d((left, right, top, bottom))} or Keras's {@code ZeroPadding2D(((top, bottom), (left, right)))}.
 *
 * @param top    rows added above
 * @param bottom rows added below
 * @param left   columns added on the left
 * @param right  columns added on the right
 */
public record PadGeometry(int top, int bottom, int left, int right) {

    /** Checks that no side is negative. */
    public PadGeometry {
        if (top < 0 || bottom < 0 || left < 0 || right < 0) {
            throw new IllegalArgumentException("padding must not be negative, got top " + top + ", bottom " + bottom
                    + ", left " + left + ", right " + right);
        }
    }

    /** Whether it adds nothing. */
    public boolean isEmpty() {
        return top == 0 && bottom == 0 && left == 0 && right == 0;
    }

    /**
     * The padded shape {@code [N, C, H + top + bottom, W + left + right]} of {@code input} {@code [N, C, H, W]}.
     *
     * @throws IllegalArgumentException when the input is not of rank 4 or the result does not fit an {@code int}
     */
    public Shape outputShape(Shape input) {
        if (input.rank() != 4) {
            throw new IllegalArgumentException("pad2d needs input [N, C, H, W], got " + input);
        }
        long h = (long) input.dim(2) + top + bottom;
        long w = (long) input.dim(3) + left + right;
        if (h > Integer.MAX_VALUE || w > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("pad2d of " + input + " by " + this + " is larger than an int holds");
        }
        return Shape.of(input.dim(0), input.dim(1), (int) h, (int) w);
    }

    /**
     * The unpadded shape {@code [N, C, H - top - bottom, W - left - right]} whose padding is {@code padded}.
     *
     * @throws IllegalArgumentException when {@code padded} is not of rank 4 or is no larger than the padding
     */
    public Shape inputShape(Shape padded) {
        if (padded.rank() != 4 || padded.dim(2) <= top + bottom || padded.dim(3) <= left + right) {
            throw new IllegalArgumentException("pad2dBackward needs a gradient [N, C, H, W] larger than the padding "
                    + this + ", got " + padded);
        }
        return Shape.of(padded.dim(0), padded.dim(1), padded.dim(2) - top - bottom, padded.dim(3) - left - right);
    }
}
