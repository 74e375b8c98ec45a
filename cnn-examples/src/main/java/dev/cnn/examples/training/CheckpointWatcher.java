package dev.cnn.examples.training;

import java.nio.file.Path;

/** Told whenever the checkpoint of a run on disk holds another finished epoch. */
@FunctionalInterface
public interface CheckpointWatcher {
    /** A watcher that does nothing. */
    CheckpointWatcher NONE = (file, epoch, epochs) -> { };

    /** {@code file} now holds the run after {@code epoch} of its {@code epochs}. */
    void checkpointHolds(Path file, int epoch, int epochs);
}
