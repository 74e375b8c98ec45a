package dev.cnn.api.backend;

import dev.cnn.api.tensor.Shape;
import java.util.Arrays;

/** The arithmetic of {@link Backend#pad2d}'s default on plain arrays: every plane copied into or out of its border. */
final class Padding {
    private Padding() {
    }

    /** {@code x} of {@code shape} {@code [N, C, H, W]} with {@code pads} of {@code value} around each plane. */
    static float[] pad(float[] x, Shape shape, PadGeometry pads, float value) {
        Shape out = pads.outputShape(shape);
        float[] y = new float[out.size()];
        if (value != 0f) {
            Arrays.fill(y, value);
        }
        copyInteriors(x, y, shape, out, pads, true);
        return y;
    }

    /** The interior of {@code padded} of shape {@code [N, C, H', W']}: the inverse of {@link #pad}. */
    static float[] crop(float[] padded, Shape shape, PadGeometry pads) {
        Shape in = pads.inputShape(shape);
        float[] x = new float[in.size()];
        copyInteriors(x, padded, in, shape, pads, false);
        return x;
    }

    /** Each row of every plane of {@code plain} ({@code in}) to its place inside {@code padded} ({@code out}), or back. */
    private static void copyInteriors(float[] plain, float[] padded, Shape in, Shape out, PadGeometry pads,
                                      boolean intoPadded) {
        int planes = in.dim(0) * in.dim(1);
        int h = in.dim(2);
        int w = in.dim(3);
        int pw = out.dim(3);
        for (int p = 0; p < planes; p++) {
            int at = (p * out.dim(2) + pads.top()) * pw + pads.left();
            for (int r = 0; r < h; r++, at += pw) {
                if (intoPadded) {
                    System.arraycopy(plain, (p * h + r) * w, padded, at, w);
                } else {
                    System.arraycopy(padded, at, plain, (p * h + r) * w, w);
                }
            }
        }
    }
}
