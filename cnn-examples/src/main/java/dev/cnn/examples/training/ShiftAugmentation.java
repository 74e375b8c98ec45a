package dev.cnn.examples.training;

import dev.cnn.api.data.Augmentation;
import dev.cnn.api.model.Preprocessing;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.train.BatchTransform;
import java.util.Random;

/**
 * Random shifts of normalised training images. The shift runs on the pixels as they were before normalisation, so
 * the uncovered border is black, as in the original images, rather than the mean grey.
 */
final class ShiftAugmentation implements BatchTransform {
    private final Augmentation augmentation;
    private final Preprocessing preprocessing;

    ShiftAugmentation(int maxShift, Preprocessing preprocessing) {
        this.augmentation = new Augmentation(maxShift);
        this.preprocessing = preprocessing;
    }

    @Override
    public void apply(float[] features, Shape batchShape, Random random) {
        preprocessing.invertInPlace(features);
        augmentation.apply(features, batchShape, random);
        preprocessing.applyInPlace(features);
    }
}
