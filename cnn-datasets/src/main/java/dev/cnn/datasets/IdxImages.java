package dev.cnn.datasets;

import dev.cnn.api.tensor.Shape;

/**
 * The content of an IDX image file: {@code count} grey images of {@code rows x columns} unsigned bytes,
 * row-major, one image after another.
 *
 * @param count   the number of images
 * @param rows    the height of each image
 * @param columns the width of each image
 * @param pixels  {@code count * rows * columns} bytes, each read as unsigned 0..255
 */
public record IdxImages(int count, int rows, int columns, byte[] pixels) {
    /** Checks that {@code pixels} holds exactly {@code count} images. */
    public IdxImages {
        if (count < 0 || rows <= 0 || columns <= 0 || (long) count * rows * columns != pixels.length) {
            throw new IllegalArgumentException(count + " images of " + rows + "x" + columns + " cannot hold "
                    + pixels.length + " pixels");
        }
    }

    /** The shape of one image as a one-channel sample: {@code [1, rows, columns]}. */
    public Shape sampleShape() {
        return Shape.of(1, rows, columns);
    }

    /** All pixels scaled from 0..255 to floats in [0, 1], in the same order. */
    public float[] toUnitFloats() {
        float[] out = new float[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (pixels[i] & 0xFF) * (1f / 255f);
        }
        return out;
    }
}
