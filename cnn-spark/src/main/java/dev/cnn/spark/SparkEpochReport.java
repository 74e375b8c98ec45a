package dev.cnn.spark;

import java.util.Locale;

/**
 * One epoch of distributed training, as the driver reports it.
 *
 * @param epoch              the epoch, from 1
 * @param epochs             the epochs of the run
 * @param trainLoss          the mean training loss over the epoch's images
 * @param trainAccuracy      the fraction of training images classified right
 * @param validationAccuracy the accuracy on the validation data, NaN without any
 * @param imagesPerSecond    training images per second of wall time, exchange included
 * @param exchangeMillisPerStep the wall time per optimizer step not spent computing on the slowest partition:
 *                           scheduling the tasks, broadcasting the parameters, aggregating the results, updating
 * @param seconds            the epoch's wall time
 * @param recoveries         how many failed stages this epoch recovered from
 */
public record SparkEpochReport(int epoch, int epochs, double trainLoss, double trainAccuracy, double validationAccuracy,
                               double imagesPerSecond, double exchangeMillisPerStep, double seconds, int recoveries) {

    /** The one line the driver logs per epoch. */
    public String line() {
        String validation = Double.isNaN(validationAccuracy) ? ""
                : String.format(Locale.ROOT, ", validation accuracy %.2f%%", 100 * validationAccuracy);
        String recovered = recoveries == 0 ? "" : ", recovered from " + recoveries + " failed stage(s)";
        return String.format(Locale.ROOT, "epoch %d/%d: loss %.4f, accuracy %.2f%%%s, %.0f images/s, exchange %.1f ms/step,"
                        + " %.1f s%s", epoch, epochs, trainLoss, 100 * trainAccuracy, validation, imagesPerSecond,
                exchangeMillisPerStep, seconds, recovered);
    }
}
