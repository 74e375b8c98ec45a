package dev.cnn.api.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Chooses each tag's decision threshold on held-out images: the probability at which predicting the tag (for every
 * image scoring at least that much) gives the tag its best F1. Ties go to the higher threshold, which predicts fewer
 * tags. A tag that no held-out image has keeps {@value #DEFAULT}.
 */
public final class TagThresholds {
    /** The threshold of a tag without evidence to choose by. */
    public static final float DEFAULT = 0.5f;

    private TagThresholds() {
    }

    /**
     * The best-F1 threshold of each of {@code tags} tags.
     *
     * @param probabilities {@code images x tags} probabilities, row-major
     * @param truth         {@code images x tags} values, 1 where the image has the tag
     * @throws NonFiniteOutputException when any probability is NaN or infinite
     */
    public static float[] bestF1(float[] probabilities, float[] truth, int tags) {
        if (tags < 1 || probabilities.length % tags != 0 || truth.length != probabilities.length) {
            throw new IllegalArgumentException("probabilities and truth need the same length, a multiple of " + tags
                    + "; got " + probabilities.length + " and " + truth.length);
        }
        int images = probabilities.length / tags;
        long nonFinite = ScoreRows.nonFiniteRows(probabilities, tags);
        if (nonFinite > 0) {
            throw new NonFiniteOutputException(nonFinite, images);
        }
        float[] thresholds = new float[tags];
        for (int t = 0; t < tags; t++) {
            thresholds[t] = bestF1(TagEvaluation.column(probabilities, tags, t), TagEvaluation.column(truth, tags, t));
        }
        return thresholds;
    }

    private static float bestF1(float[] scores, float[] truth) {
        long positives = 0;
        for (float v : truth) {
            if (v > 0.5f) {
                positives++;
            }
        }
        if (positives == 0) {
            return DEFAULT;
        }
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        float best = DEFAULT;
        double bestF1 = -1;
        long truePositives = 0;
        long predicted = 0;
        int k = 0;
        while (k < order.length) {
            float score = scores[order[k]];
            while (k < order.length && scores[order[k]] == score) {
                if (truth[order[k]] > 0.5f) {
                    truePositives++;
                }
                predicted++;
                k++;
            }
            double f1 = 2.0 * truePositives / (predicted + positives);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = score;
            }
        }
        return best;
    }
}
