package dev.cnn.api.train;

/**
 * Where a run stands after a batch, for a progress display.
 *
 * @param epoch           the epoch, counted from 1
 * @param epochs          the epochs of the whole run
 * @param batch           the batch within the epoch, counted from 1
 * @param batches         the batches of an epoch
 * @param loss            the epoch's mean loss so far
 * @param accuracy        the epoch's training accuracy so far (NaN without a class head)
 * @param imagesPerSecond the epoch's throughput so far
 * @param secondsLeft     the estimated time to the end of the run, at this run's pace so far
 */
public record Progress(int epoch, int epochs, int batch, int batches, double loss, double accuracy,
                       double imagesPerSecond, double secondsLeft) {

    /** The fraction of the whole run done, in {@code [0, 1]}. */
    public double fractionDone() {
        return ((epoch - 1) * (double) batches + batch) / ((double) epochs * batches);
    }
}
