package dev.cnn.cli.training;

import java.nio.file.Path;

/** Told whenever the checkpoint of a run on disk has been rewritten. */
@FunctionalInterface
public interface CheckpointWatcher {
    /** A watcher that does nothing. */
    CheckpointWatcher NONE = (file, progress) -> { };

    /** {@code file} now holds the run as far as {@code progress} says, such as {@code after epoch 1 of 3}. */
    void checkpointHolds(Path file, String progress);
}
