package dev.cnn.api.train;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.model.Head;
import dev.cnn.api.network.Network;
import dev.cnn.api.optim.LearningRateSchedule;
import dev.cnn.api.optim.OptimizerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The learning-rate range test (Smith, 2015): trains a few hundred batches while the learning rate grows geometrically
 * from tiny to huge, records the smoothed loss at each rate, and suggests a rate a little below the one where the loss
 * fell fastest. The network's weights are put back afterwards, so the finder can run before real training.
 */
public final class LearningRateFinder {
    private static final double SMOOTHING = 0.9;

    private LearningRateFinder() {
    }

    /**
     * One point of the sweep.
     *
     * @param learningRate the rate of this step
     * @param loss         the loss, smoothed over the steps before (an exponential moving average, bias-corrected)
     */
    public record Point(double learningRate, double loss) {
    }

    /**
     * What the sweep found.
     *
     * @param points    each step's rate and smoothed loss, until the loss diverged or the sweep ended
     * @param suggested a tenth of the rate where the smoothed loss fell fastest per doubling of the rate
     */
    public record Result(List<Point> points, double suggested) {
    }

    /**
     * Sweeps the learning rate of {@code optimizer} from its own learning rate (give a tiny one, such as 1e-6) up to
     * {@code maxRate} over {@code steps} batches of {@code batchSize} images of {@code data}, drawn with {@code seed};
     * the optimizer's other settings stay as given. Stops early once the smoothed loss exceeds four times its minimum
     * or stops being finite.
     */
    public static Result find(Network network, List<Head> heads, OptimizerConfig optimizer, Dataset data, int batchSize,
                              double maxRate, int steps, long seed) {
        double minRate = optimizer.learningRate();
        if (!(maxRate > minRate) || steps < 2) {
            throw new IllegalArgumentException("the sweep needs a maximum rate above the optimizer's " + minRate
                    + " and at least 2 steps, got " + maxRate + " and " + steps);
        }
        OptimizerConfig sweep = optimizer.withSchedule(new LearningRateSchedule.Exponential(steps - 1, maxRate / minRate));
        Trainer trainer = Trainer.builder().setNetwork(network).setHeads(heads).setOptimizer(sweep).optBatchSize(batchSize)
                .build();
        FlatParameters flat = trainer.flatParameters();
        float[] saved = flat.values();
        Random random = new Random(seed);
        List<Point> points = new ArrayList<>();
        double average = 0;
        double best = Double.POSITIVE_INFINITY;
        try {
            for (int step = 0; step < steps; step++) {
                double rate = sweep.learningRateAt(step);
                int[] indices = random.ints(Math.min(batchSize, data.size()), 0, data.size()).toArray();
                StepResult result = trainer.computeGradients(data, indices, random);
                if (!result.finite()) {
                    break;
                }
                average = SMOOTHING * average + (1 - SMOOTHING) * result.loss();
                double smoothed = average / (1 - Math.pow(SMOOTHING, step + 1));
                points.add(new Point(rate, smoothed));
                best = Math.min(best, smoothed);
                if (smoothed > 4 * best) {
                    break;
                }
                trainer.applyGradients();
            }
        } finally {
            flat.setValues(saved);
        }
        return new Result(points, suggestion(points, minRate));
    }

    /** A tenth of the rate at the steepest fall of the loss against log(rate), over windows of a few points. */
    private static double suggestion(List<Point> points, double fallback) {
        int window = Math.max(1, points.size() / 20);
        double steepest = 0;
        double at = fallback * 10;
        for (int i = window; i < points.size(); i++) {
            Point a = points.get(i - window);
            Point b = points.get(i);
            double slope = (b.loss() - a.loss()) / (Math.log(b.learningRate()) - Math.log(a.learningRate()));
            if (slope < steepest) {
                steepest = slope;
                at = b.learningRate();
            }
        }
        return at / 10;
    }
}
