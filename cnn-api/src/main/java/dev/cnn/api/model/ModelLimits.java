package dev.cnn.api.model;

/**
 * Bounds on the architecture a model file may declare, checked from its shapes before any network is built, so a small
 * hostile file cannot make a reader allocate gigabytes. The file's arrays are bounded separately, by
 * {@link dev.cnn.api.io.ModelArchiveLimits}.
 *
 * @param maxParameters          the most parameters (weights and running statistics) of the whole network
 * @param maxActivationsPerImage the most values all layers' outputs may hold together for one image
 */
public record ModelLimits(long maxParameters, long maxActivationsPerImage) {
    /** The defaults: 250 million parameters (1 GB of float32), 64 million activations per image (256 MB). */
    public static final ModelLimits DEFAULT = new ModelLimits(250_000_000L, 64L << 20);

    /** Checks that both limits are positive. */
    public ModelLimits {
        if (maxParameters <= 0 || maxActivationsPerImage <= 0) {
            throw new IllegalArgumentException("model limits must be positive, got " + maxParameters + " parameters and "
                    + maxActivationsPerImage + " activations per image");
        }
    }
}
