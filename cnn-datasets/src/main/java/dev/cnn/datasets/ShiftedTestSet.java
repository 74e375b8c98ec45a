package dev.cnn.datasets;

import dev.cnn.api.data.Dataset;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A test split with every image moved by a random amount of up to a few pixels, horizontally and vertically: the same
 * digits, no longer where the training digits were. A network that uses spatial structure should barely notice.
 */
public final class ShiftedTestSet {
    private ShiftedTestSet() {
    }

    /** {@code test} with each image shifted by up to {@code maxShift} pixels, the same shifts for the same {@code seed}. */
    public static Dataset of(Dataset test, int maxShift, long seed) {
        float[] pixels = test.gatherFeatures(IntStream.range(0, test.size()).toArray());
        new Augmentation(maxShift).apply(pixels, test.sampleShape().withBatch(test.size()), new Random(seed));
        return new Dataset(test.sampleShape(), pixels, test.labels(), test.classNames());
    }
}
