package dev.cnn.api.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a multi-label tagger did: per tag, precision, recall and F1 at its decision threshold and the threshold-free
 * average precision; their macro means (over the tags where each is defined) and micro means (over all decisions
 * pooled); mean average precision; the exact-match rate and the Hamming loss.
 *
 * <p>A tag is predicted for an image when its probability is at least the tag's threshold. A quantity whose
 * denominator is zero is NaN, never a flattering number: precision of a tag never predicted, recall and average
 * precision of a tag that never occurs, F1 of a tag that neither occurs nor is predicted. F1 is
 * {@code 2 TP / (2 TP + FP + FN)}, so a tagger that predicts nothing has F1 0 on every tag that occurs.
 */
public final class TagEvaluation {
    private final List<String> tagNames;
    private final float[] thresholds;
    private final int images;
    private final long[] truePositives;
    private final long[] falsePositives;
    private final long[] falseNegatives;
    private final double[] averagePrecision;
    private final long exactMatches;

    /**
     * @param tagNames      a name per tag
     * @param probabilities {@code images x tags} probabilities, row-major
     * @param truth         {@code images x tags} values, 1 where the image has the tag and 0 where not
     * @param thresholds    a decision threshold per tag
     * @throws NonFiniteOutputException when any probability is NaN or infinite
     */
    public TagEvaluation(List<String> tagNames, float[] probabilities, float[] truth, float[] thresholds) {
        this.tagNames = List.copyOf(tagNames);
        int tags = tagNames.size();
        Objects.requireNonNull(probabilities, "probabilities");
        if (tags == 0 || probabilities.length % tags != 0 || truth.length != probabilities.length || thresholds.length != tags) {
            throw new IllegalArgumentException(tags + " tags need probabilities and truth of the same length, a multiple"
                    + " of " + tags + ", and " + tags + " thresholds; got " + probabilities.length + ", " + truth.length
                    + " and " + thresholds.length);
        }
        this.thresholds = thresholds.clone();
        this.images = probabilities.length / tags;
        long nonFinite = ScoreRows.nonFiniteRows(probabilities, tags);
        if (nonFinite > 0) {
            throw new NonFiniteOutputException(nonFinite, images);
        }
        truePositives = new long[tags];
        falsePositives = new long[tags];
        falseNegatives = new long[tags];
        long exact = 0;
        for (int i = 0; i < images; i++) {
            boolean allRight = true;
            for (int t = 0; t < tags; t++) {
                boolean predicted = probabilities[i * tags + t] >= thresholds[t];
                boolean actual = truth[i * tags + t] > 0.5f;
                if (predicted && actual) {
                    truePositives[t]++;
                } else if (predicted) {
                    falsePositives[t]++;
                } else if (actual) {
                    falseNegatives[t]++;
                }
                allRight &= predicted == actual;
            }
            if (allRight) {
                exact++;
            }
        }
        this.exactMatches = exact;
        averagePrecision = new double[tags];
        for (int t = 0; t < tags; t++) {
            averagePrecision[t] = AveragePrecision.of(column(probabilities, tags, t), column(truth, tags, t));
        }
    }

    static float[] column(float[] rows, int width, int c) {
        float[] out = new float[rows.length / width];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows[i * width + c];
        }
        return out;
    }

    /** The tag names, by index. */
    public List<String> tagNames() {
        return tagNames;
    }

    /** The number of images evaluated. */
    public int count() {
        return images;
    }

    /** The decision threshold of tag {@code t}. */
    public float threshold(int t) {
        return thresholds[t];
    }

    /** Of the images given tag {@code t}, the fraction that have it; NaN when no image was given it. */
    public double precision(int t) {
        return ratio(truePositives[t], truePositives[t] + falsePositives[t]);
    }

    /** Of the images that have tag {@code t}, the fraction given it; NaN when no image has it. */
    public double recall(int t) {
        return ratio(truePositives[t], truePositives[t] + falseNegatives[t]);
    }

    /** {@code 2 TP / (2 TP + FP + FN)} of tag {@code t}; NaN when the tag neither occurs nor is predicted. */
    public double f1(int t) {
        return ratio(2 * truePositives[t], 2 * truePositives[t] + falsePositives[t] + falseNegatives[t]);
    }

    /** The average precision of tag {@code t} over every threshold (area under its precision-recall steps). */
    public double averagePrecision(int t) {
        return averagePrecision[t];
    }

    /** The mean of the defined per-tag precisions; NaN when none is defined. */
    public double macroPrecision() {
        return meanOfDefined(this::precision);
    }

    /** The mean of the defined per-tag recalls. */
    public double macroRecall() {
        return meanOfDefined(this::recall);
    }

    /** The mean of the defined per-tag F1 scores. */
    public double macroF1() {
        return meanOfDefined(this::f1);
    }

    /** The mean of the defined per-tag average precisions. */
    public double meanAveragePrecision() {
        return meanOfDefined(this::averagePrecision);
    }

    /** Precision over all decisions of all tags pooled. */
    public double microPrecision() {
        return ratio(sum(truePositives), sum(truePositives) + sum(falsePositives));
    }

    /** Recall over all decisions of all tags pooled. */
    public double microRecall() {
        return ratio(sum(truePositives), sum(truePositives) + sum(falseNegatives));
    }

    /** F1 over all decisions of all tags pooled. */
    public double microF1() {
        long tp = sum(truePositives);
        return ratio(2 * tp, 2 * tp + sum(falsePositives) + sum(falseNegatives));
    }

    /** The fraction of images whose predicted tags are exactly their true tags. */
    public double exactMatchRate() {
        return ratio(exactMatches, images);
    }

    /** The fraction of (image, tag) decisions that are wrong. */
    public double hammingLoss() {
        return ratio(sum(falsePositives) + sum(falseNegatives), (long) images * tagNames.size());
    }

    /**
     * A text table of threshold, precision, recall, F1 and average precision per tag, then the means; the names
     * {@linkplain LabelText shown} safely.
     */
    public String tagReport() {
        StringBuilder sb = new StringBuilder(String.format("%-14s %9s %9s %9s %9s %9s %8s%n", "tag", "threshold",
                "precision", "recall", "f1", "avg prec", "support"));
        for (int t = 0; t < tagNames.size(); t++) {
            sb.append(String.format("%-14s %9.3f %9.4f %9.4f %9.4f %9.4f %8d%n", LabelText.shown(tagNames.get(t)), thresholds[t],
                    precision(t), recall(t), f1(t), averagePrecision(t), truePositives[t] + falseNegatives[t]));
        }
        sb.append(String.format("%-14s %9s %9.4f %9.4f %9.4f %9.4f%n", "macro mean", "", macroPrecision(), macroRecall(),
                macroF1(), meanAveragePrecision()));
        sb.append(String.format("%-14s %9s %9.4f %9.4f %9.4f%n", "micro mean", "", microPrecision(), microRecall(), microF1()));
        sb.append(String.format("exact match %.4f, Hamming loss %.4f%n", exactMatchRate(), hammingLoss()));
        return sb.toString();
    }

    private double meanOfDefined(java.util.function.IntToDoubleFunction perTag) {
        List<Double> defined = new ArrayList<>();
        for (int t = 0; t < tagNames.size(); t++) {
            double v = perTag.applyAsDouble(t);
            if (!Double.isNaN(v)) {
                defined.add(v);
            }
        }
        return defined.isEmpty() ? Double.NaN : defined.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
