package dev.cnn.api.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The training loss and accuracy as they develop within epochs (running means over each epoch so far), sampled
 * about a hundred times an epoch, so that even a one-epoch run shows the network learning.
 */
public final class TrainingCurve implements TrainingListener {
    private static final int POINTS_PER_EPOCH = 100;

    /**
     * One sample.
     *
     * @param epochs   how far into the run, in epochs (1.5 is half-way through the second)
     * @param loss     the epoch's mean loss so far
     * @param accuracy the epoch's accuracy so far
     */
    public record Point(double epochs, double loss, double accuracy) {
    }

    private final List<Point> points = new ArrayList<>();

    @Override
    public void onBatchEnd(BatchReport r, TrainingControl control) {
        int every = Math.max(1, r.batches() / POINTS_PER_EPOCH);
        if (r.batch() % every == 0 || r.batch() == r.batches()) {
            points.add(new Point(r.epoch() - 1 + (double) r.batch() / r.batches(), r.loss(), r.accuracy()));
        }
    }

    /** The samples so far. */
    public List<Point> points() {
        return List.copyOf(points);
    }
}
