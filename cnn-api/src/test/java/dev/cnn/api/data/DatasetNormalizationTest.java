package dev.cnn.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.cnn.api.model.Normalization;
import dev.cnn.api.tensor.Shape;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Training data, evaluation and prediction prepare pixels through one code path, to the last bit. */
class DatasetNormalizationTest {
    private static final Shape SAMPLE = Shape.of(1, 4, 4);

    @Test
    void aNormalizedDatasetHoldsExactlyWhatPreprocessingGivesAModelAtPredictionTime() {
        float[] pixels = new float[3 * 16];
        Random random = new Random(1);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        Dataset data = new Dataset(SAMPLE, pixels, new int[] {0, 1, 0}, List.of("a", "b"));
        Normalization pre = new Normalization(0.1307, 0.3081);
        assertArrayEquals(pre.apply(pixels, SAMPLE), data.normalized(pre).gatherFeatures(new int[] {0, 1, 2}), 0f);
        float[] roundTrip = pre.apply(pixels, SAMPLE);
        pre.invertInPlace(roundTrip, SAMPLE);
        pre.applyInPlace(roundTrip, SAMPLE);
        assertArrayEquals(pre.apply(pixels, SAMPLE), roundTrip, 1e-6f, "augmentation's round trip back to pixels and again");
    }
}
