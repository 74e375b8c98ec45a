package dev.cnn.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.cnn.api.model.Preprocessing;
import dev.cnn.api.tensor.Shape;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Training data, evaluation and prediction prepare pixels through one code path, to the last bit. */
class DatasetNormalizationTest {
    @Test
    void aNormalizedDatasetHoldsExactlyWhatPreprocessingGivesAModelAtPredictionTime() {
        float[] pixels = new float[3 * 16];
        Random random = new Random(1);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        Dataset data = new Dataset(Shape.of(1, 4, 4), pixels, new int[] {0, 1, 0}, List.of("a", "b"));
        Preprocessing pre = new Preprocessing(0.1307, 0.3081);
        assertArrayEquals(pre.apply(pixels), data.normalized(pre).gatherFeatures(new int[] {0, 1, 2}), 0f);
        float[] roundTrip = pre.apply(pixels);
        pre.invertInPlace(roundTrip);
        pre.applyInPlace(roundTrip);
        assertArrayEquals(pre.apply(pixels), roundTrip, 1e-6f, "augmentation's round trip back to pixels and again");
    }
}
