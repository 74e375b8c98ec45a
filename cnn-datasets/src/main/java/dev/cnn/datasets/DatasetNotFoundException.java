package dev.cnn.datasets;

import java.io.IOException;

/** A dataset whose files are not where it was looked for; the message lists the places and the command that installs it. */
public class DatasetNotFoundException extends IOException {
    /** @param message where it looked and how to install */
    public DatasetNotFoundException(String message) {
        super(message);
    }
}
