package dev.cnn.api.train;

/**
 * What one epoch of training achieved. Validation figures are NaN when there is no validation set.
 *
 * @param epoch              the epoch, counted from 1
 * @param epochs             the number of epochs planned
 * @param trainLoss          mean loss over the epoch's batches
 * @param trainAccuracy      fraction of training images classified right during the epoch
 * @param validationLoss     loss on the validation set after the epoch
 * @param validationAccuracy accuracy on the validation set after the epoch
 * @param imagesPerSecond    training throughput, forward and backward
 * @param seconds            wall time of the epoch's training
 * @param learningRate       the learning rate at the end of the epoch
 */
public record EpochReport(int epoch, int epochs, double trainLoss, double trainAccuracy, double validationLoss,
                          double validationAccuracy, double imagesPerSecond, double seconds, double learningRate) {
}
