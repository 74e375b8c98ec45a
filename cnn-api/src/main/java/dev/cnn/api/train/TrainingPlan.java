package dev.cnn.api.train;

import java.util.Objects;

/**
 * What a training run was asked to do, saved in its checkpoints beside the optimizer state so that resuming continues
 * that same run: the same epochs, batches, shuffles and augmentation. The optimizer's settings and learning-rate
 * schedule are saved with the optimizer itself.
 *
 * @param epochs          the epochs of the whole run
 * @param batchSize       images per update
 * @param seed            seeds the shuffles, the validation split and the augmentation
 * @param validationSplit the fraction of training images held out for validation, in {@code [0, 1)}
 * @param augmentShift    the largest random shift in pixels applied to training images, 0 for none
 * @param dataset         the name of the dataset trained on, for messages
 * @param trainingImages  how many images the training split had before the validation split, to recognise the dataset
 * @param augmentation    the other augmentation of training images in its text form (such as
 *                        {@code crop=4,flip,rotate=10}, see {@code dev.cnn.datasets.ImageAugmentation}), {@code none} for
 *                        none; a plan saved before it existed reads as {@code none}
 */
public record TrainingPlan(int epochs, int batchSize, long seed, double validationSplit, int augmentShift, String dataset,
                           int trainingImages, String augmentation) {

    /** Checks that the plan describes a run that could happen. */
    public TrainingPlan {
        Objects.requireNonNull(dataset, "dataset");
        augmentation = augmentation == null || augmentation.isBlank() ? "none" : augmentation;
        if (epochs < 1 || batchSize < 1 || augmentShift < 0 || trainingImages < 1) {
            throw new IllegalArgumentException("a training plan needs at least 1 epoch, a batch of at least 1, a shift of"
                    + " at least 0 and at least 1 training image; got " + epochs + ", " + batchSize + ", " + augmentShift
                    + " and " + trainingImages);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("the validation split must be in [0, 1), got " + validationSplit);
        }
    }

    /** A plan without other augmentation than the shift. */
    public TrainingPlan(int epochs, int batchSize, long seed, double validationSplit, int augmentShift, String dataset,
                        int trainingImages) {
        this(epochs, batchSize, seed, validationSplit, augmentShift, dataset, trainingImages, "none");
    }

    /** This plan with another number of epochs. */
    public TrainingPlan withEpochs(int value) {
        return new TrainingPlan(value, batchSize, seed, validationSplit, augmentShift, dataset, trainingImages, augmentation);
    }
}
