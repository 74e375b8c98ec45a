package dev.cnn.api.model;

import dev.cnn.api.loss.Loss;
import java.util.List;
import java.util.Objects;

/**
 * One named output of a network with what training and reading it need: the loss it trains with, the weight of that
 * loss in the total, and the names of its values (class names for a {@linkplain dev.cnn.api.loss.Targets#CLASS class}
 * head, tag names for a {@linkplain dev.cnn.api.loss.Targets#TAGS tag} head). A network with two heads trains on the
 * weighted sum of their losses.
 *
 * @param name   the output of the network it reads
 * @param loss   its loss
 * @param weight the factor of its loss in the total, positive
 * @param labels a name per value of the output: classes or tags (may be empty for value heads)
 */
public record Head(String name, Loss loss, double weight, List<String> labels) {

    /** Checks the fields and copies the labels. */
    public Head {
        Objects.requireNonNull(name, "head name");
        Objects.requireNonNull(loss, "loss of head '" + name + "'");
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("head '" + name + "' needs a positive finite weight, got " + weight);
        }
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** A head of weight 1. */
    public static Head of(String name, Loss loss, List<String> labels) {
        return new Head(name, loss, 1, labels);
    }
}
