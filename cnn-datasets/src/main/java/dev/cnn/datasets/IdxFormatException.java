package dev.cnn.datasets;

import java.io.IOException;

/** An IDX file that is malformed: wrong magic number, wrong dimensions, or a length that disagrees with its header. */
public class IdxFormatException extends IOException {
    /** @param message names the file and what is wrong with it */
    public IdxFormatException(String message) {
        super(message);
    }
}
