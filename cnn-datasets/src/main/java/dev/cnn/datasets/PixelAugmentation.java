package dev.cnn.datasets;

import dev.cnn.api.model.Normalization;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.train.BatchTransform;
import java.util.Random;

/**
 * Augmentation of normalised training images, as a {@link BatchTransform} for {@code Trainer.Builder
 * .optBatchTransform}: random shifts ({@link Augmentation}) and the other changes of {@link ImageAugmentation} run on
 * the pixels as they were before normalisation, so an uncovered border is black, as in the original images, rather
 * than the mean grey, and colour jitter works on [0, 1] pixels.
 */
public final class PixelAugmentation implements BatchTransform {
    private final Augmentation shift;
    private final ImageAugmentation augmentation;
    private final Normalization normalization;

    /**
     * @param maxShift      the largest random shift in pixels, 0 for none
     * @param augmentation  the other changes
     * @param normalization how the batches were normalised
     */
    public PixelAugmentation(int maxShift, ImageAugmentation augmentation, Normalization normalization) {
        this.shift = new Augmentation(maxShift);
        this.augmentation = augmentation;
        this.normalization = normalization;
    }

    @Override
    public void apply(float[] features, Shape batchShape, Random random) {
        Shape sample = batchShape.withoutBatch();
        normalization.invertInPlace(features, sample);
        shift.apply(features, batchShape, random);
        augmentation.apply(features, batchShape, random);
        normalization.applyInPlace(features, sample);
    }
}
