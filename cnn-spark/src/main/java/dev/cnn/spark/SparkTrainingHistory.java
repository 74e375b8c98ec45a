package dev.cnn.spark;

import java.util.List;

/**
 * What a distributed run did.
 *
 * @param epochs     a report per epoch
 * @param steps      the optimizer updates applied
 * @param recoveries how many failed stages the run resumed from a checkpoint after
 */
public record SparkTrainingHistory(List<SparkEpochReport> epochs, long steps, int recoveries) {
    /** Copies the list. */
    public SparkTrainingHistory {
        epochs = List.copyOf(epochs);
    }

    /** The last epoch's report. */
    public SparkEpochReport last() {
        return epochs.get(epochs.size() - 1);
    }
}
