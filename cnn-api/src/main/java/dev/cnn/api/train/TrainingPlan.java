package dev.cnn.api.train;

import dev.cnn.api.model.ModelLimits;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a training run was asked to do, saved in its checkpoints beside the optimizer state so that resuming continues
 * that same run: the same epochs, batches, shuffles and augmentation, on the same images. The optimizer's settings and
 * learning-rate schedule are saved with the optimizer itself. Its numbers are checked against
 * {@link ModelLimits#MAX_EPOCHS} and the other plan limits when it is made, so also when a checkpoint is read.
 *
 * @param epochs             the epochs of the whole run, 1 to {@link ModelLimits#MAX_EPOCHS}
 * @param batchSize          images per update, 1 to {@link ModelLimits#MAX_BATCH_SIZE}
 * @param seed               seeds the shuffles, the validation split and the augmentation
 * @param validationSplit    the fraction of training images held out for validation, in {@code [0, 1)}
 * @param augmentShift       the largest random shift in pixels applied to training images, 0 for none, at most
 *                           {@link ModelLimits#MAX_AUGMENT_SHIFT}
 * @param dataset            the name of the dataset trained on, for messages; at most
 *                           {@link ModelLimits#MAX_DATASET_NAME} characters
 * @param trainingImages     how many images the training split had before the validation split, to recognise the dataset
 * @param augmentation       the other augmentation of training images in its text form (such as
 *                           {@code crop=4,flip,rotate=10}, see {@code dev.cnn.datasets.ImageAugmentation}), {@code none}
 *                           for none; a plan saved before it existed reads as {@code none}
 * @param datasetFingerprint the {@linkplain dev.cnn.api.data.Dataset#fingerprint() fingerprint} of the training split
 *                           before the validation split, so that a resume on other images of the same size is refused;
 *                           null in a plan saved before it existed, or made without one
 */
public record TrainingPlan(int epochs, int batchSize, long seed, double validationSplit, int augmentShift, String dataset,
                           int trainingImages, String augmentation, String datasetFingerprint) {
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16}");

    /** Checks that the plan describes a run that could happen. */
    public TrainingPlan {
        Objects.requireNonNull(dataset, "dataset");
        augmentation = augmentation == null || augmentation.isBlank() ? "none" : augmentation;
        if (epochs < 1 || batchSize < 1 || augmentShift < 0 || trainingImages < 1) {
            throw new IllegalArgumentException("a training plan needs at least 1 epoch, a batch of at least 1, a shift of"
                    + " at least 0 and at least 1 training image; got " + epochs + ", " + batchSize + ", " + augmentShift
                    + " and " + trainingImages);
        }
        atMost("%d epochs", epochs, ModelLimits.MAX_EPOCHS, "MAX_EPOCHS");
        atMost("batches of %d images", batchSize, ModelLimits.MAX_BATCH_SIZE, "MAX_BATCH_SIZE");
        atMost("a shift of %d pixels", augmentShift, ModelLimits.MAX_AUGMENT_SHIFT, "MAX_AUGMENT_SHIFT");
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("the validation split must be in [0, 1), got " + validationSplit);
        }
        if (dataset.length() > ModelLimits.MAX_DATASET_NAME || augmentation.length() > ModelLimits.MAX_DATASET_NAME) {
            throw new IllegalArgumentException("the training plan's dataset name and augmentation have at most "
                    + ModelLimits.MAX_DATASET_NAME + " characters each (ModelLimits.MAX_DATASET_NAME); got "
                    + dataset.length() + " and " + augmentation.length());
        }
        if (datasetFingerprint != null && !FINGERPRINT.matcher(datasetFingerprint).matches()) {
            throw new IllegalArgumentException("the training plan's dataset fingerprint is 16 hexadecimal digits, got '"
                    + (datasetFingerprint.length() > 40 ? datasetFingerprint.substring(0, 40) + "..." : datasetFingerprint)
                    + "'");
        }
    }

    /** Refuses {@code value} above {@code limit}; {@code phrase} says what it counts, such as {@code %d epochs}. */
    private static void atMost(String phrase, int value, int limit, String name) {
        if (value > limit) {
            throw new IllegalArgumentException("the training plan has " + String.format(phrase, value) + ", more than"
                    + " the " + limit + " allowed (ModelLimits." + name + ")");
        }
    }

    /** A plan without a dataset fingerprint. */
    public TrainingPlan(int epochs, int batchSize, long seed, double validationSplit, int augmentShift, String dataset,
                        int trainingImages, String augmentation) {
        this(epochs, batchSize, seed, validationSplit, augmentShift, dataset, trainingImages, augmentation, null);
    }

    /** A plan without other augmentation than the shift, and without a dataset fingerprint. */
    public TrainingPlan(int epochs, int batchSize, long seed, double validationSplit, int augmentShift, String dataset,
                        int trainingImages) {
        this(epochs, batchSize, seed, validationSplit, augmentShift, dataset, trainingImages, "none", null);
    }

    /** This plan with another number of epochs. */
    public TrainingPlan withEpochs(int value) {
        return new TrainingPlan(value, batchSize, seed, validationSplit, augmentShift, dataset, trainingImages, augmentation,
                datasetFingerprint);
    }

    /** This plan recording {@code fingerprint} as the fingerprint of its training images. */
    public TrainingPlan withDatasetFingerprint(String fingerprint) {
        return new TrainingPlan(epochs, batchSize, seed, validationSplit, augmentShift, dataset, trainingImages, augmentation,
                fingerprint);
    }
}
