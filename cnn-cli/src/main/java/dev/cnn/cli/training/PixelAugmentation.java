package dev.cnn.cli.training;

import dev.cnn.datasets.Augmentation;
import dev.cnn.datasets.ImageAugmentation;
import dev.cnn.api.model.Preprocessing;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.train.BatchTransform;
import java.util.Random;

/**
 * Random shifts ({@code --augment}) and the other augmentations ({@code --crop}, {@code --flip}, {@code --rotate},
 * {@code --scale}, {@code --color-jitter}) of normalised training images. They run on the pixels as they were before
 * normalisation, so an uncovered border is black, as in the original images, rather than the mean grey, and colour
 * jitter works on [0, 1] pixels.
 */
final class PixelAugmentation implements BatchTransform {
    private final Augmentation shift;
    private final ImageAugmentation augmentation;
    private final Preprocessing preprocessing;

    PixelAugmentation(int maxShift, ImageAugmentation augmentation, Preprocessing preprocessing) {
        this.shift = new Augmentation(maxShift);
        this.augmentation = augmentation;
        this.preprocessing = preprocessing;
    }

    @Override
    public void apply(float[] features, Shape batchShape, Random random) {
        preprocessing.invertInPlace(features);
        shift.apply(features, batchShape, random);
        augmentation.apply(features, batchShape, random);
        preprocessing.applyInPlace(features);
    }
}
