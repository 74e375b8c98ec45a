package dev.cnn.api.train;

import java.util.List;
import java.util.Optional;

/**
 * What a call to {@link Trainer#fit} did.
 *
 * @param epochs     a report per epoch run
 * @param stopReason why training ended before its planned epochs, if it did
 */
public record TrainingHistory(List<EpochReport> epochs, Optional<String> stopReason) {

    /** Copies the list. */
    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    /** The last epoch's report. */
    public EpochReport last() {
        return epochs.get(epochs.size() - 1);
    }
}
