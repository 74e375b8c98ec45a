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
 * @param maxMultiplyAddsPerImage the most multiply-adds one forward pass may take per image, all nodes'
 *                               {@linkplain dev.cnn.api.layer.LayerConfig#cost costs} together
 * @param maxKernelCallsPerPass  the most backend kernel calls one forward pass may make, whatever the batch size
 */
public record ModelLimits(long maxParameters, long maxActivationsPerImage, int maxNodes, long maxMultiplyAddsPerImage,
                          long maxKernelCallsPerPass) {
    /**
     * The defaults, each far above what a real network needs and far below what makes one prediction take minutes:
     * <ul>
     *   <li>250 million parameters (1 GB of float32);</li>
     *   <li>64 million activations per image (256 MB);</li>
     *   <li>100,000 nodes: the largest preset has 30 and a ResNet-152 written as nodes about 500, and a chain of 100,000
     *   loads in seconds;</li>
     *   <li>100 billion multiply-adds per image: 6 times VGG-16 on 224x224 images (15.5 billion), 80 times the largest
     *   preset on them ({@code fashion-best}, 1.3 billion); seconds to a minute per image on a CPU;</li>
     *   <li>100,000 kernel calls per pass: one per node for most layers, five per group of a grouped convolution (so at
     *   most about 20,000 groups, where ResNeXt-50 has 512 and a MobileNet written with grouped convolutions 5,000);
     *   each call costs microseconds on {@code cpu} and a third of a millisecond on {@code nd4j}, where a grouped
     *   convolution of 200,000 groups took a minute per image.</li>
     * </ul>
     */
    public static final ModelLimits DEFAULT = new ModelLimits(250_000_000L, 64L << 20, 100_000, 100_000_000_000L,
            100_000L);

    /** Checks that every limit is positive. */
    public ModelLimits {
        if (maxParameters <= 0 || maxActivationsPerImage <= 0 || maxNodes <= 0 || maxMultiplyAddsPerImage <= 0
                || maxKernelCallsPerPass <= 0) {
            throw new IllegalArgumentException("model limits must be positive, got " + maxParameters + " parameters, "
                    + maxActivationsPerImage + " activations per image, " + maxNodes + " nodes, "
                    + maxMultiplyAddsPerImage + " multiply-adds per image and " + maxKernelCallsPerPass
                    + " kernel calls per pass");
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
