package dev.cnn.api.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Average precision of one tag's scores: the precision-recall curve walked from the highest score down, one step per
 * distinct score (tied scores enter together), summing each step's precision times the recall it adds. A constant
 * score gives the tag's prevalence, a perfect ranking gives 1; NaN when no image has the tag.
 */
final class AveragePrecision {
    private AveragePrecision() {
    }

    static double of(float[] scores, float[] truth) {
        long positives = 0;
        for (float t : truth) {
            if (t > 0.5f) {
                positives++;
            }
        }
        if (positives == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        double sum = 0;
        long truePositives = 0;
        long seen = 0;
        int k = 0;
        while (k < order.length) {
            float score = scores[order[k]];
            long newPositives = 0;
            while (k < order.length && scores[order[k]] == score) {
                if (truth[order[k]] > 0.5f) {
                    newPositives++;
                }
                seen++;
                k++;
            }
            truePositives += newPositives;
            sum += (double) newPositives / positives * truePositives / seen;
        }
        return sum;
    }
}
