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
        int planes = shape.dim(0) * shape.dim(1);
        int h = shape.dim(2);
        int w = shape.dim(3);
        int pw = out.dim(3);
        float[] y = new float[out.size()];
        if (value != 0f) {
            Arrays.fill(y, value);
        }
        for (int p = 0; p < planes; p++) {
            int dst = (p * out.dim(2) + pads.top()) * pw + pads.left();
            for (int r = 0; r < h; r++, dst += pw) {
                System.arraycopy(x, (p * h + r) * w, y, dst, w);
            }
        }
        return y;
    }

    /** The interior of {@code padded} of shape {@code [N, C, H', W']}: the inverse of {@link #pad}. */
    static float[] crop(float[] padded, Shape shape, PadGeometry pads) {
        Shape in = pads.inputShape(shape);
        int planes = in.dim(0) * in.dim(1);
        int h = in.dim(2);
        int w = in.dim(3);
        int pw = shape.dim(3);
        float[] x = new float[in.size()];
        for (int p = 0; p < planes; p++) {
            int src = (p * shape.dim(2) + pads.top()) * pw + pads.left();
            for (int r = 0; r < h; r++, src += pw) {
                System.arraycopy(padded, src, x, (p * h + r) * w, w);
            }
        }
        return x;
    }
}
