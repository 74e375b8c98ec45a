package dev.cnn.api.eval;

import dev.cnn.api.loss.Targets;

/**
 * How one head of a network did, scored by the kind of head: a class head gets an {@link Evaluation} (accuracy,
 * top-k, confusion, per-class F1), a tag head a {@link TagEvaluation} (per-tag precision and recall), a value head
 * only its loss.
 *
 * @param head    the head's name
 * @param kind    what its targets are
 * @param loss    its mean loss over the dataset (before the head's weight)
 * @param classes the class metrics of a {@link Targets#CLASS} head; null otherwise
 * @param tags    the tag metrics of a {@link Targets#TAGS} head; null otherwise
 */
public record HeadEvaluation(String head, Targets kind, double loss, Evaluation classes, TagEvaluation tags) {
}
