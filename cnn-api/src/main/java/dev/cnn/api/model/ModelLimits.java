package dev.cnn.api.model;

/**
 * Bounds on the architecture a model file may declare, checked from its shapes before any network is built, so a small
 * hostile file cannot make a reader allocate gigabytes. The file's arrays are bounded separately, by
 * {@link dev.cnn.api.io.ModelArchiveLimits}. The constants bound the numbers of the training plan a checkpoint holds
 * ({@link dev.cnn.api.train.TrainingPlan}), checked whenever a plan is made, so also when a checkpoint is read.
 *
 * @param maxParameters          the most parameters (weights and running statistics) of the whole network
 * @param maxActivationsPerImage the most values all layers' outputs may hold together for one image
 * @param maxNodes               the most nodes of the graph (layers of a version-1 file), counted in the file's JSON
 *                               before anything is made of it
 */
public record ModelLimits(long maxParameters, long maxActivationsPerImage, int maxNodes) {
    /**
     * The defaults: 250 million parameters (1 GB of float32), 64 million activations per image (256 MB), 100,000 nodes.
     * The largest preset has 60 nodes and a ResNet-152 written as nodes about 500; 100,000 is 200 times that, and still
     * loads in a few seconds, where every node costs at least one kernel call per pass.
     */
    public static final ModelLimits DEFAULT = new ModelLimits(250_000_000L, 64L << 20, 100_000);

    /** Checks that every limit is positive. */
    public ModelLimits {
        if (maxParameters <= 0 || maxActivationsPerImage <= 0 || maxNodes <= 0) {
            throw new IllegalArgumentException("model limits must be positive, got " + maxParameters + " parameters, "
                    + maxActivationsPerImage + " activations per image and " + maxNodes + " nodes");
        }
    }

    /**
     * The most epochs a training run's plan may have: 100,000. A checkpoint whose plan asks for more is refused when it
     * is read, as is a new run asking for more.
     */
    public static final int MAX_EPOCHS = 100_000;
    /** The most images per update a training run's plan may have: 65,536. */
    public static final int MAX_BATCH_SIZE = 65_536;
    /** The largest random shift, in pixels, a training run's plan may apply to its images: 1,024. */
    public static final int MAX_AUGMENT_SHIFT = 1_024;
    /** The most characters of the dataset name and of the augmentation in a training run's plan: 4,096. */
    public static final int MAX_DATASET_NAME = 4_096;
}
