package dev.cnn.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * One training image and its class, as the rows of a {@code JavaRDD} handed to {@link SparkTrainer}: the pixels in the
 * network's input layout (channels, height, width; row-major), already normalised as the network expects.
 *
 * @param pixels the image's values
 * @param label  the index of its class
 */
public record LabelledImage(float[] pixels, int label) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Checks the image. */
    public LabelledImage {
        Objects.requireNonNull(pixels, "pixels");
        if (label < 0) {
            throw new IllegalArgumentException("a class label is an index from 0, got " + label);
        }
    }
}
