package dev.cnn.api.train;

/** The loss became NaN or infinite; the message names the epoch and batch and what to try. */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message naming where the loss diverged. */
    public TrainingDivergedException(String message) {
        super(message);
    }
}
