package dev.cnn.api.train;

/**
 * Hears about training progress, with begin and end hooks for the run, each epoch and each batch; may ask the trainer
 * to stop through the {@link TrainingControl}. Every method does nothing by default. The reports give their figures by
 * name too ({@link BatchReport#metrics()}, {@link EpochReport#metrics()}).
 */
public interface TrainingListener {

    /** Before the first batch of a run (or of its resumed part). */
    default void onRunBegin(RunStart run) {
    }

    /** Before the first batch of every epoch; {@code epoch} counts from 1. */
    default void onEpochBegin(int epoch, int epochs) {
    }

    /** Before every batch; {@code batch} counts from 1. */
    default void onBatchBegin(int epoch, int batch, int batches) {
    }

    /** After every batch. */
    default void onBatchEnd(BatchReport report, TrainingControl control) {
    }

    /** After every epoch, once validation has run. */
    default void onEpochEnd(EpochReport report, TrainingControl control) {
    }

    /** After the last epoch, or after the epoch at which a listener stopped the run. */
    default void onRunEnd(TrainingHistory history) {
    }
}
