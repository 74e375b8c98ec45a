package dev.cnn.api.eval;

import java.util.List;

/**
 * How a tag head (several tags per image, sigmoid outputs) did on a tagged dataset: per tag, precision, recall and F1
 * of "probability at least the threshold", and the fraction of images whose tags were all right.
 */
public final class TagEvaluation {
    private final List<String> tagNames;
    private final double threshold;
    private final long[] truePositives;
    private final long[] falsePositives;
    private final long[] falseNegatives;
    private final long exactMatches;
    private final long images;

    /**
     * @param tagNames      a name per tag
     * @param threshold     the probability from which a tag counts as predicted
     * @param probabilities {@code images * tags} predicted probabilities, row-major
     * @param targets       the true tags, 0 or 1, same layout
     */
    public TagEvaluation(List<String> tagNames, double threshold, float[] probabilities, float[] targets) {
        this.tagNames = List.copyOf(tagNames);
        this.threshold = threshold;
        int t = tagNames.size();
        if (t == 0 || probabilities.length != targets.length || probabilities.length % t != 0) {
            throw new IllegalArgumentException(t + " tags cannot score " + probabilities.length + " probabilities against "
                    + targets.length + " targets");
        }
        truePositives = new long[t];
        falsePositives = new long[t];
        falseNegatives = new long[t];
        images = probabilities.length / t;
        long exact = 0;
        for (int i = 0; i < images; i++) {
            boolean allRight = true;
            for (int k = 0; k < t; k++) {
                boolean predicted = probabilities[i * t + k] >= threshold;
                boolean actual = targets[i * t + k] > 0.5f;
                if (predicted && actual) {
                    truePositives[k]++;
                } else if (predicted) {
                    falsePositives[k]++;
                } else if (actual) {
                    falseNegatives[k]++;
                }
                allRight &= predicted == actual;
            }
            exact += allRight ? 1 : 0;
        }
        exactMatches = exact;
    }

    /** The tag names, by output index. */
    public List<String> tagNames() {
        return tagNames;
    }

    /** The probability from which a tag counts as predicted. */
    public double threshold() {
        return threshold;
    }

    /** Of the images tagged {@code k} by the model, the fraction that have it (NaN if none were). */
    public double precision(int k) {
        long predicted = truePositives[k] + falsePositives[k];
        return predicted == 0 ? Double.NaN : (double) truePositives[k] / predicted;
    }

    /** Of the images that have tag {@code k}, the fraction the model tagged (NaN if none have it). */
    public double recall(int k) {
        long actual = truePositives[k] + falseNegatives[k];
        return actual == 0 ? Double.NaN : (double) truePositives[k] / actual;
    }

    /** The harmonic mean of precision and recall of tag {@code k} (0 when both are 0, NaN when either is). */
    public double f1(int k) {
        double p = precision(k);
        double r = recall(k);
        if (Double.isNaN(p) || Double.isNaN(r)) {
            return Double.NaN;
        }
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The fraction of images whose every tag was predicted right. */
    public double exactMatchRatio() {
        return images == 0 ? Double.NaN : (double) exactMatches / images;
    }
}
