package dev.cnn.api.eval;

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
 * @param tags          a probability per tag when the model has a tag head, otherwise null
 */
public record Prediction(String source, float[] pixels, float[] probabilities, int label, float[] tags) {

    /** A prediction of a model without a tag head. */
    public Prediction(String source, float[] pixels, float[] probabilities, int label) {
        this(source, pixels, probabilities, label, null);
    }

    /** The tags at or above their {@code thresholds}, most probable first. */
    public List<Integer> presentTags(float[] thresholds) {
        if (tags == null) {
            return List.of();
        }
        return IntStream.range(0, tags.length).filter(t -> tags[t] >= thresholds[t]).boxed()
                .sorted(Comparator.comparingDouble((Integer t) -> tags[t]).reversed()).toList();
    }

    /**
     * {@code tags: yellow 99%, smooth 95%, curved 97%}, or {@code tags: none} when no tag reaches its threshold; the
     * names {@linkplain LabelText shown} safely.
     */
    public String describeTags(List<String> tagNames, float[] thresholds) {
        List<String> parts = new ArrayList<>();
        for (int t : presentTags(thresholds)) {
            parts.add(String.format(Locale.ROOT, "%s %.0f%%", LabelText.shown(tagNames.get(t)), Math.floor(tags[t] * 100)));
        }
        return "tags: " + (parts.isEmpty() ? "none" : String.join(", ", parts));
    }

    /** The classes from most to least probable, the first {@code k} of them. */
    public List<Integer> top(int k) {
        return IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> probabilities[c]).reversed())
                .limit(k).toList();
    }

    /** The most probable class. */
    public int predicted() {
        return top(1).get(0);
    }

    /** Whether the true class is known. */
    public boolean labelled() {
        return label >= 0;
    }

    /** {@code 97.3% Sneaker, 1.9% Sandal, 0.4% Ankle boot}, the names {@linkplain LabelText shown} safely. */
    public String describeTop(int k, List<String> classNames) {
        List<String> parts = new ArrayList<>();
        for (int c : top(k)) {
            parts.add(String.format(Locale.ROOT, "%.1f%% %s", probabilities[c] * 100,
                    LabelText.shown(classNames.get(c))));
        }
        return String.join(", ", parts);
    }
}
