package dev.cnn.api.layers;

import dev.cnn.api.backend.PadGeometry;

/**
 * The padding of Keras's and TensorFlow's {@code padding="same"} (ONNX's {@code auto_pad=SAME_UPPER}): an output of
 * {@code ceil(size / stride)} per axis, the padding that takes split in two with the odd cell at the end (below, on
 * the right).
 */
final class SamePadding {
    private SamePadding() {
    }

    /** The padding of an input {@code height x width} for a kernel spanning {@code spanH x spanW} cells. */
    static PadGeometry of(int height, int width, int spanH, int spanW, int strideH, int strideW) {
        int totalH = total(height, spanH, strideH);
        int totalW = total(width, spanW, strideW);
        return new PadGeometry(totalH / 2, totalH - totalH / 2, totalW / 2, totalW - totalW / 2);
    }

    /** The padding one axis needs: {@code max(0, (ceil(size / stride) - 1) stride + span - size)}. */
    static int total(int size, int span, int stride) {
        long out = ((long) size + stride - 1) / stride;
        long total = Math.max(0L, (out - 1) * stride + span - size);
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("same padding of " + size + " cells for a kernel spanning " + span
                    + " needs " + total + " cells, more than an int holds");
        }
        return (int) total;
    }

    /** What a layer pads before itself: the odd row and column that the symmetric padding leaves, or null for none. */
    static PadGeometry extra(PadGeometry same) {
        PadGeometry extra = new PadGeometry(0, same.bottom() - same.top(), 0, same.right() - same.left());
        return extra.isEmpty() ? null : extra;
    }
}
