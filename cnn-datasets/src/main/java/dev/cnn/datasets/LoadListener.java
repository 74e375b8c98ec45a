package dev.cnn.datasets;

import java.nio.file.Path;

/**
 * Hears how loading a folder of images goes. Every method is called on the thread that loads the dataset, never
 * concurrently; each does nothing unless overridden.
 */
public interface LoadListener {
    /** A listener that ignores everything. */
    LoadListener NONE = new LoadListener() {
    };

    /** {@code done} of {@code total} images have been decoded (or skipped); called as each one finishes. */
    default void progress(int done, int total) {
    }

    /** {@code file} could not be read and is left out; {@code reason} names the file and what is wrong with it. */
    default void skipped(Path file, String reason) {
    }

    /** Loading has finished: {@code images} images were read and {@code skipped} files were left out. */
    default void finished(int images, int skipped) {
    }

    /** Something the user should know that does not stop loading, such as an empty class folder. */
    default void warning(String message) {
    }
}
