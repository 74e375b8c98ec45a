package dev.cnn.api.train;

import dev.cnn.api.tensor.Shape;
import java.util.Random;

/** Changes a training batch in place before it is used, such as random shifts for augmentation. */
@FunctionalInterface
public interface BatchTransform {

    /**
     * @param features    the batch, row-major, of shape {@code batchShape}
     * @param batchShape  {@code [N, C, H, W]} or {@code [N, F]}
     * @param random      the trainer's seeded generator
     */
    void apply(float[] features, Shape batchShape, Random random);
}
