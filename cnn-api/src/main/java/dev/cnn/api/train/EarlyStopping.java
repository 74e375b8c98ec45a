package dev.cnn.api.train;

/**
 * Stops training when validation accuracy (or, without a validation set, training loss) has not
 * improved for {@code patience} epochs.
 */
public final class EarlyStopping implements TrainingListener {
    private final int patience;
    private double best = Double.NEGATIVE_INFINITY;
    private int epochsWithoutImprovement;

    /** @param patience epochs without improvement to tolerate, at least 1 */
    public EarlyStopping(int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1, got " + patience);
        }
        this.patience = patience;
    }

    @Override
    public void onEpochEnd(EpochReport report, TrainingControl control) {
        double score = score(report);
        if (score > best) {
            best = score;
            epochsWithoutImprovement = 0;
        } else if (++epochsWithoutImprovement >= patience) {
            control.stop("early stopping: no improvement for " + patience + " epoch" + (patience == 1 ? "" : "s"));
        }
    }

    /** What an epoch is judged by: its validation accuracy, or without one the negated training loss (higher is better). */
    static double score(EpochReport report) {
        return Double.isNaN(report.validationAccuracy()) ? -report.trainLoss() : report.validationAccuracy();
    }
}
