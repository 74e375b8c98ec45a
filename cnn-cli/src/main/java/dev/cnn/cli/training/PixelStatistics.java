package dev.cnn.cli.training;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.model.Preprocessing;

/** The mean and standard deviation of every pixel of a dataset: the normalisation a model is trained and used with. */
public final class PixelStatistics {
    private PixelStatistics() {
    }

    /** {@code (x - mean) / std} over all of {@code data}'s pixels; std 1 for a dataset of one colour. */
    public static Preprocessing of(Dataset data) {
        double sum = 0;
        double sumOfSquares = 0;
        long count = 0;
        for (int i = 0; i < data.size(); i++) {
            for (float v : data.features(i)) {
                sum += v;
                sumOfSquares += (double) v * v;
            }
            count += data.sampleShape().size();
        }
        if (count == 0) {
            return Preprocessing.identity();
        }
        double mean = sum / count;
        double std = Math.sqrt(Math.max(0, sumOfSquares / count - mean * mean));
        return new Preprocessing(mean, std > 1e-6 ? std : 1);
    }
}
