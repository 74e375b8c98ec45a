package dev.cnn.datasets;

import java.io.IOException;

/** A dataset file whose SHA-256 differs from the published one. */
public class ChecksumMismatchException extends IOException {
    /**
     * @param file     the file that failed
     * @param expected the published SHA-256
     * @param actual   the SHA-256 of the file's content
     */
    public ChecksumMismatchException(String file, String expected, String actual) {
        super("checksum mismatch for " + file + ": expected SHA-256 " + expected + " but the content has " + actual);
    }
}
