package dev.cnn.examples;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * What a model said about one image.
 *
 * @param source        where the image came from, as the user named it
 * @param pixels        the image as the model took it, in [0, 1], before preprocessing
 * @param probabilities a probability per class
 * @param label         the true class when known, otherwise -1
 */
record Prediction(String source, float[] pixels, float[] probabilities, int label) {

    /** The classes from most to least probable, the first {@code k} of them. */
    List<Integer> top(int k) {
        return IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> probabilities[c]).reversed())
                .limit(k).toList();
    }

    /** The most probable class. */
    int predicted() {
        return top(1).get(0);
    }

    /** Whether the true class is known. */
    boolean labelled() {
        return label >= 0;
    }

    /** {@code 97.3% Sneaker, 1.9% Sandal, 0.4% Ankle boot}. */
    String describeTop(int k, List<String> classNames) {
        List<String> parts = new ArrayList<>();
        for (int c : top(k)) {
            parts.add(String.format(Locale.ROOT, "%.1f%% %s", probabilities[c] * 100, classNames.get(c)));
        }
        return String.join(", ", parts);
    }
}
