package dev.cnn.api.train;

import java.util.LinkedHashMap;
import java.util.Map;

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

    /**
     * The figures by name, as Keras names them: {@code loss}, {@code accuracy}, {@code val_loss}, {@code val_accuracy}
     * (each present only when measured), {@code images_per_second}, {@code seconds} and {@code learning_rate}.
     */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        putIfMeasured(m, "loss", trainLoss);
        putIfMeasured(m, "accuracy", trainAccuracy);
        putIfMeasured(m, "val_loss", validationLoss);
        putIfMeasured(m, "val_accuracy", validationAccuracy);
        m.put("images_per_second", imagesPerSecond);
        m.put("seconds", seconds);
        m.put("learning_rate", learningRate);
        return m;
    }

    private static void putIfMeasured(Map<String, Double> metrics, String name, double value) {
        if (!Double.isNaN(value)) {
            metrics.put(name, value);
        }
    }
}
