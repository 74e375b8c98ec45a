package dev.cnn.api.train;

/** Hears about training progress; may ask the trainer to stop through the {@link TrainingControl}. */
public interface TrainingListener {

    /** After every batch. */
    default void onBatchEnd(BatchReport report, TrainingControl control) {
    }

    /** After every epoch, once validation has run. */
    default void onEpochEnd(EpochReport report, TrainingControl control) {
    }
}
