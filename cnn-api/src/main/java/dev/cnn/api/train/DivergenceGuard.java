package dev.cnn.api.train;

import java.util.Locale;

/**
 * Stops a training run whose loss has left the numbers: it is NaN or infinite, or it has grown by orders of magnitude
 * over where the run started (a learning rate far too high for the optimizer, such as Adam at 1e4, gives losses of
 * 1e20 that are still finite). Fed one loss per update, by {@link Trainer} per batch and by distributed trainers per
 * global step, so every training path stops on the same rule with the same message.
 *
 * <p>The growth test compares a moving average of the losses (smoothed over about ten updates, so one bad batch does
 * not stop a run) with the first loss of the run: it fails once the average exceeds {@value #GROWTH_LIMIT} times the
 * larger of the first loss and {@value #FLOOR}. The floor keeps a run resumed near a loss of zero from stopping on an
 * ordinary batch; a loss that rises by a few times within an epoch is far from the limit.
 */
public final class DivergenceGuard {
    /** How many times its start the smoothed loss may grow before the run counts as diverged. */
    public static final double GROWTH_LIMIT = 1_000;
    /** The least starting loss the growth is measured from. */
    public static final double FLOOR = 1;
    private static final double SMOOTHING = 0.9;
    private static final String ADVICE = "; lower the learning rate, check the inputs are normalised, and start again";

    private double start = Double.NaN;
    private double average;
    private long updates;

    /**
     * Records the loss of one update.
     *
     * @param loss  the loss of the update
     * @param where where it happened, for the message: {@code "at epoch 2, batch 7 of 30 (learning rate 0.001)"}
     * @throws TrainingDivergedException when the loss is NaN or infinite, or its moving average has grown past the limit
     */
    public void check(double loss, String where) {
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException("the loss became " + loss + " " + where + ADVICE);
        }
        if (updates == 0) {
            start = loss;
        }
        updates++;
        average = SMOOTHING * average + (1 - SMOOTHING) * loss;
        double smoothed = average / (1 - Math.pow(SMOOTHING, updates));
        if (smoothed > GROWTH_LIMIT * Math.max(start, FLOOR)) {
            throw new TrainingDivergedException(String.format(Locale.ROOT, "the loss grew from %.4g to %.4g, more than"
                    + " %.0f times its start: training diverged %s", start, smoothed, GROWTH_LIMIT, where) + ADVICE);
        }
    }
}
