/**
 * Training: {@link dev.cnn.api.train.Trainer} runs epochs of gradient steps over a dataset with listeners (progress,
 * checkpoints, early stopping, divergence guard), learning-rate schedules resolved over the run's length,
 * augmentation as batch transforms, and checkpoints that resume a run exactly.
 */
package dev.cnn.api.train;
