package dev.cnn.cli;

/** A failure the user can fix; its message is the one line shown, saying what is wrong and what to do. */
public class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do, in one line */
    public CliFailure(String message) {
        super(message);
    }

    /** @param message what is wrong and what to do, in one line; {@code cause} is shown with {@code --verbose} */
    public CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
