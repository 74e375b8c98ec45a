package dev.cnn.api.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The images a model got wrong, and the pairs of classes it confuses most. */
public final class Mistakes {
    private Mistakes() {
    }

    /** The indices of the first {@code limit} images whose prediction differs from their label. */
    public static List<Integer> first(Evaluation evaluation, int[] labels, int limit) {
        int[] predictions = evaluation.predictions();
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < predictions.length && wrong.size() < limit; i++) {
            if (predictions[i] != labels[i]) {
                wrong.add(i);
            }
        }
        return wrong;
    }

    /** The {@code count} most frequent confusions as {@code 4 taken for 9 (12 times)}, named {@linkplain LabelText safely}. */
    public static List<String> mostConfused(Evaluation evaluation, int count) {
        long[][] matrix = evaluation.confusionMatrix();
        List<long[]> pairs = new ArrayList<>();
        for (int actual = 0; actual < matrix.length; actual++) {
            for (int predicted = 0; predicted < matrix.length; predicted++) {
                if (actual != predicted && matrix[actual][predicted] > 0) {
                    pairs.add(new long[] {actual, predicted, matrix[actual][predicted]});
                }
            }
        }
        pairs.sort(Comparator.comparingLong((long[] p) -> p[2]).reversed());
        List<String> names = LabelText.shown(evaluation.classNames());
        return pairs.stream().limit(count).map(p -> names.get((int) p[0]) + " taken for " + names.get((int) p[1])
                + " (" + p[2] + (p[2] == 1 ? " time)" : " times)")).toList();
    }
}
