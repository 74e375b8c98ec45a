package dev.cnn.api.loss;

/** What a loss compares a head's output with, and so how the head is scored. */
public enum Targets {
    /** One class per image, as one-hot rows: scored by accuracy, top-k, confusion and per-class F1. */
    CLASS,
    /** Several tags per image, as multi-hot rows: scored per tag (precision, recall at a threshold). */
    TAGS,
    /** Real values; the built-in data sets give one-hot class rows: scored by the loss. */
    VALUES
}
