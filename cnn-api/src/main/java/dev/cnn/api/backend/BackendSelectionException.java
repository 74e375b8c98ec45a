package dev.cnn.api.backend;

/** No backend could be chosen: the named one is unknown or unavailable, or none is on the classpath. */
public class BackendSelectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message that lists the providers found and why each was skipped. */
    public BackendSelectionException(String message) {
        super(message);
    }
}
