package dev.cnn.api.train;

import java.util.LinkedHashMap;
import java.util.Map;

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

    /** The figures by name: {@code loss}, {@code accuracy} (absent without a class head) and {@code images_per_second}. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", loss);
        if (!Double.isNaN(accuracy)) {
            m.put("accuracy", accuracy);
        }
        m.put("images_per_second", imagesPerSecond);
        return m;
    }
}
