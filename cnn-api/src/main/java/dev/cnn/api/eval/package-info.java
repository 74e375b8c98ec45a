/**
 * Evaluation and prediction: accuracy, confusion, per-class and per-tag scores and average precision over a dataset,
 * for every head of a model, tag thresholds tuned on held-out data, test-time augmentation, and the mistakes and
 * predictions that the command line shows.
 */
package dev.cnn.api.eval;
