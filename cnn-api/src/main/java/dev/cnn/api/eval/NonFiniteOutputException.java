package dev.cnn.api.eval;

/**
 * A network gave NaN or infinite scores, so no metric or prediction computed from them would mean anything. Says how
 * many images gave them.
 */
public final class NonFiniteOutputException extends ArithmeticException {
    private final long images;
    private final long total;

    /**
     * @param images how many images had at least one non-finite output
     * @param total  how many images were run
     */
    public NonFiniteOutputException(long images, long total) {
        super("the model's output is NaN or infinite for " + images + " of " + total + " images, so its scores mean"
                + " nothing; its weights are probably broken (training diverged, or the file was edited): retrain it,"
                + " with a lower learning rate if the loss grew");
        this.images = images;
        this.total = total;
    }

    /** How many images had at least one non-finite output. */
    public long images() {
        return images;
    }

    /** How many images were run. */
    public long total() {
        return total;
    }
}
