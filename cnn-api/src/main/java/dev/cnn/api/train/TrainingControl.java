package dev.cnn.api.train;

import java.util.Optional;

/** Lets listeners end training after the current epoch, with a reason. */
public final class TrainingControl {
    private String stopReason;

    /** Asks the trainer to stop after the current epoch. */
    public void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    /** Why training was stopped early, if it was. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }
}
