package dev.cnn.spark;

import java.io.Serializable;

/**
 * Called on the executor before each partition's step, in the task's thread: for the user's own metrics, or to make a
 * partition fail (throw) or stall (sleep) in a test of {@link SparkTrainer}'s recovery. It travels to the executors by
 * Java serialization, so it must be a serializable class or lambda.
 */
@FunctionalInterface
public interface ExecutorHook extends Serializable {
    /** Runs before partition {@code partition} computes global step {@code step} (counted from 0). */
    void beforeStep(int partition, long step) throws Exception;

    /** The hook that does nothing. */
    static ExecutorHook none() {
        return (partition, step) -> { };
    }
}
