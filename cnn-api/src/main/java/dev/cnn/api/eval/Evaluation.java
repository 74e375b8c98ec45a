package dev.cnn.api.eval;

import java.util.List;

/**
 * How a classifier did on a labelled dataset: loss, accuracy, top-k accuracy, confusion matrix and
 * per-class precision, recall and F1. An image counts as right only when its true class has the unique highest score
 * (see {@link ScoreRows}); an image whose highest score is shared by several classes has no prediction
 * ({@link ScoreRows#NO_WINNER}), counts as wrong everywhere, and appears in no column of the confusion matrix.
 */
public final class Evaluation {
    private final double loss;
    private final List<String> classNames;
    private final int[] labels;
    private final int[] predictions;
    private final int[] labelRanks;
    private final long[][] confusion;
    private final long[] support;
    private final long undecided;

    /**
     * @param loss        mean loss over the dataset
     * @param classNames  a name per class
     * @param labels      the true class of each image
     * @param predictions the predicted class of each image, or {@link ScoreRows#NO_WINNER} where the top score is tied
     * @param labelRanks  for each image, how many other classes scored at least as high as its true class (0 when right)
     */
    public Evaluation(double loss, List<String> classNames, int[] labels, int[] predictions, int[] labelRanks) {
        this.loss = loss;
        this.classNames = List.copyOf(classNames);
        this.labels = labels.clone();
        this.predictions = predictions.clone();
        this.labelRanks = labelRanks.clone();
        int k = classNames.size();
        this.confusion = new long[k][k];
        this.support = new long[k];
        long none = 0;
        for (int i = 0; i < labels.length; i++) {
            support[labels[i]]++;
            if (predictions[i] == ScoreRows.NO_WINNER) {
                none++;
            } else {
                confusion[labels[i]][predictions[i]]++;
            }
        }
        this.undecided = none;
    }

    /** How many images had no prediction because their highest score was shared by several classes. */
    public long undecided() {
        return undecided;
    }

    /** Mean loss over the dataset. */
    public double loss() {
        return loss;
    }

    /** The number of images evaluated. */
    public int count() {
        return labels.length;
    }

    /** The class names, by index. */
    public List<String> classNames() {
        return classNames;
    }

    /** Fraction of images whose true class has the unique highest score. */
    public double accuracy() {
        return topKAccuracy(1);
    }

    /** Fraction of images whose true class scores above all but at most {@code k - 1} other classes (ties count against it). */
    public double topKAccuracy(int k) {
        if (labels.length == 0) {
            return Double.NaN;
        }
        long hits = 0;
        for (int rank : labelRanks) {
            if (rank < k) {
                hits++;
            }
        }
        return (double) hits / labels.length;
    }

    /** {@code [actual][predicted]} counts. */
    public long[][] confusionMatrix() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** The predicted class of each image, in dataset order; {@link ScoreRows#NO_WINNER} where the top score was tied. */
    public int[] predictions() {
        return predictions.clone();
    }

    /** Of the images predicted as class {@code c}, the fraction that are {@code c} (NaN if none were). */
    public double precision(int c) {
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? Double.NaN : (double) confusion[c][c] / predicted;
    }

    /** Of the images of class {@code c}, the fraction predicted as {@code c} (NaN if there are none). */
    public double recall(int c) {
        return support[c] == 0 ? Double.NaN : (double) confusion[c][c] / support[c];
    }

    /** The harmonic mean of precision and recall of class {@code c} (0 when both are 0). */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        if (Double.isNaN(p) || Double.isNaN(r)) {
            return Double.NaN;
        }
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** A text table of precision, recall, F1 and support per class, the names {@linkplain LabelText shown} safely. */
    public String classReport() {
        StringBuilder sb = new StringBuilder(String.format("%-14s %9s %9s %9s %8s%n", "class", "precision", "recall", "f1", "support"));
        for (int c = 0; c < classNames.size(); c++) {
            sb.append(String.format("%-14s %9.4f %9.4f %9.4f %8d%n", LabelText.shown(classNames.get(c)), precision(c), recall(c), f1(c), support[c]));
        }
        return sb.toString();
    }

    /** The confusion matrix as text, actual classes in rows and predicted in columns, named {@linkplain LabelText safely}. */
    public String confusionTable() {
        StringBuilder sb = new StringBuilder(String.format("%-14s", "actual\\pred"));
        for (int c = 0; c < classNames.size(); c++) {
            sb.append(String.format(" %6d", c));
        }
        sb.append('\n');
        for (int a = 0; a < classNames.size(); a++) {
            String name = LabelText.shown(classNames.get(a));
            sb.append(String.format("%-14s", name.equals(String.valueOf(a)) ? name : a + " " + truncate(name, 11)));
            for (int p = 0; p < classNames.size(); p++) {
                sb.append(String.format(" %6d", confusion[a][p]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
