package dev.cnn.api.train;

/**
 * How one epoch went: on the training images during the epoch, and on the validation and test images after it.
 * Validation figures are NaN without a validation split.
 *
 * @param epoch              counted from 1 over the whole run
 * @param trainLoss          mean training loss
 * @param trainAccuracy      training accuracy
 * @param validationLoss     validation loss
 * @param validationAccuracy validation accuracy
 * @param testLoss           test loss
 * @param testAccuracy       test accuracy
 * @param imagesPerSecond    training throughput
 * @param seconds            wall time of the epoch's training
 */
public record EpochScores(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                          double validationAccuracy, double testLoss, double testAccuracy, double imagesPerSecond,
                          double seconds) {

    /** Whether a validation split was scored. */
    public boolean hasValidation() {
        return !Double.isNaN(validationAccuracy);
    }
}
