package dev.cnn.api.io;

import java.io.IOException;

/** A model file that cannot be read: not a zip, missing or malformed entries, sizes that disagree or exceed the limits. */
public class ModelFormatException extends IOException {
    /** @param message names the file and what is wrong with it */
    public ModelFormatException(String message) {
        super(message);
    }

    /**
     * @param message names the file and what is wrong with it
     * @param cause   the underlying failure
     */
    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
