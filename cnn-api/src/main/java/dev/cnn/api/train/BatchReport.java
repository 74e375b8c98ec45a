package dev.cnn.api.train;

/**
 * Progress within an epoch, after a batch.
 *
 * @param epoch           the epoch, counted from 1
 * @param epochs          the number of epochs planned
 * @param batch           the batch, counted from 1
 * @param batches         batches in this epoch
 * @param loss            mean loss of the epoch so far
 * @param accuracy        training accuracy of the epoch so far
 * @param imagesPerSecond throughput of the epoch so far
 * @param seconds         time spent in this epoch so far
 */
public record BatchReport(int epoch, int epochs, int batch, int batches, double loss, double accuracy,
                          double imagesPerSecond, double seconds) {

    /** Seconds left in this epoch at the current throughput. */
    public double secondsLeftInEpoch() {
        return batch == 0 ? Double.NaN : seconds / batch * (batches - batch);
    }
}
