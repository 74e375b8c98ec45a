package dev.cnn.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.loss.Targets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One named output of a network with what training and reading it need: the loss it trains with, the weight of that
 * loss in the total, the names of its values (class names for a {@linkplain dev.cnn.api.loss.Targets#CLASS class}
 * head, tag names for a {@linkplain dev.cnn.api.loss.Targets#TAGS tag} head) and, for a tag head, a decision threshold
 * per tag. A network with two heads trains on the weighted sum of their losses.
 *
 * <p>In {@code model.json} the thresholds are one list of numbers beside the labels, written only when there are some,
 * so files without them (class heads, and tag heads saved before thresholds existed) read as before: such a tag head
 * decides every tag at {@value #DEFAULT_THRESHOLD}.
 *
 * @param name       the output of the network it reads
 * @param loss       its loss
 * @param weight     the factor of its loss in the total, positive
 * @param labels     a name per value of the output: classes or tags (may be empty for value heads), each once
 * @param thresholds for a tag head, the probability from which each tag counts as present, by label; empty for the
 *                   default {@value #DEFAULT_THRESHOLD} of every tag, and always empty for other heads
 */
public record Head(String name, Loss loss, double weight, List<String> labels,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Float> thresholds) {
    /** The threshold of a tag for which none was chosen. */
    public static final float DEFAULT_THRESHOLD = 0.5f;

    /** Checks the fields and copies the lists. */
    @JsonCreator
    public Head {
        Objects.requireNonNull(name, "head name");
        Objects.requireNonNull(loss, "loss of head '" + name + "'");
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("head '" + name + "' needs a positive finite weight, got " + weight);
        }
        labels = labels == null ? List.of() : List.copyOf(labels);
        java.util.Map<String, Integer> first = new java.util.HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            Integer earlier = first.putIfAbsent(labels.get(i), i);
            if (earlier != null) {
                String kind = loss.targets() == Targets.TAGS ? "tag" : loss.targets() == Targets.CLASS ? "class" : "value";
                throw new IllegalArgumentException("head '" + name + "' names the " + kind + " '" + labels.get(i)
                        + "' twice (as labels " + earlier + " and " + i + "), so the two could not be told apart;"
                        + " give each " + kind + " its own name");
            }
        }
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        if (!thresholds.isEmpty()) {
            if (loss.targets() != Targets.TAGS) {
                throw new IllegalArgumentException("head '" + name + "' trains with " + loss.id() + "; only a tag head"
                        + " (sigmoid_binary_cross_entropy) has decision thresholds");
            }
            if (thresholds.size() != labels.size()) {
                throw new IllegalArgumentException("head '" + name + "' has " + labels.size() + " tags but "
                        + thresholds.size() + " thresholds; give one per tag");
            }
            for (int t = 0; t < thresholds.size(); t++) {
                Float value = thresholds.get(t);
                if (value == null || !(value >= 0f && value <= 1f)) {
                    throw new IllegalArgumentException("the threshold of tag '" + labels.get(t) + "' of head '" + name
                            + "' is " + value + "; a threshold is a probability between 0 and 1");
                }
            }
        }
    }

    /** A head without thresholds. */
    public Head(String name, Loss loss, double weight, List<String> labels) {
        this(name, loss, weight, labels, List.of());
    }

    /** A head of weight 1. */
    public static Head of(String name, Loss loss, List<String> labels) {
        return new Head(name, loss, 1, labels);
    }

    /** This head deciding its tags at {@code values} (one per label; null or empty for the default of each). */
    public Head withThresholds(float[] values) {
        List<Float> list = new ArrayList<>();
        if (values != null) {
            for (float v : values) {
                list.add(v);
            }
        }
        return new Head(name, loss, weight, labels, list);
    }

    /** This head deciding every tag at {@code value}. */
    public Head withThreshold(float value) {
        float[] values = new float[labels.size()];
        Arrays.fill(values, value);
        return withThresholds(values);
    }

    /** The threshold of every label, {@value #DEFAULT_THRESHOLD} where none was chosen. */
    @JsonIgnore
    public float[] thresholdArray() {
        float[] out = new float[labels.size()];
        Arrays.fill(out, DEFAULT_THRESHOLD);
        for (int t = 0; t < thresholds.size(); t++) {
            out[t] = thresholds.get(t);
        }
        return out;
    }
}
