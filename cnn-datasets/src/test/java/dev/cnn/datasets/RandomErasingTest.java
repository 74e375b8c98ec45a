package dev.cnn.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.tensor.Shape;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random erasing as part of {@link ImageAugmentation}: one rectangle per erased image, drawn from the seed. */
class RandomErasingTest {
    private static final Shape BATCH = Shape.of(16, 1, 28, 28);

    private static float[] constant(float value) {
        float[] batch = new float[BATCH.size()];
        Arrays.fill(batch, value);
        return batch;
    }

    @Test
    void everyImageGetsOneRectangleOfTwoToFortyPercentAtProbabilityOne() {
        float[] batch = constant(-1f);
        ImageAugmentation.parse("erase=1").apply(batch, BATCH, new Random(3));
        int plane = 28 * 28;
        for (int image = 0; image < 16; image++) {
            int minX = 28, minY = 28, maxX = -1, maxY = -1, changed = 0;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    float v = batch[image * plane + y * 28 + x];
                    if (v != -1f) {
                        assertTrue(v >= 0 && v < 1, "erased pixels are noise in [0, 1): " + v);
                        changed++;
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
            int box = (maxX - minX + 1) * (maxY - minY + 1);
            assertEquals(box, changed, "image " + image + " is erased in one rectangle");
            assertTrue(box >= 0.01 * plane && box <= 0.45 * plane, "image " + image + " lost " + box + " pixels");
        }
    }

    @Test
    void theSameSeedErasesTheSamePlacesAndProbabilityZeroNothing() {
        float[] a = constant(0.5f);
        float[] b = constant(0.5f);
        float[] c = constant(0.5f);
        ImageAugmentation erase = new ImageAugmentation(0, false, 0, 0, 0, 0.5);
        erase.apply(a, BATCH, new Random(11));
        erase.apply(b, BATCH, new Random(11));
        erase.apply(c, BATCH, new Random(12));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        float[] none = constant(0.5f);
        new ImageAugmentation(0, false, 0, 0, 0, 0).apply(none, BATCH, new Random(11));
        assertArrayEquals(constant(0.5f), none);
    }

    @Test
    void aboutHalfTheImagesAreErasedAtHalfAndOthersDrawTheSameNumbersAsBefore() {
        Shape many = Shape.of(400, 1, 8, 8);
        float[] images = new float[many.size()];
        Arrays.fill(images, 0.5f);
        ImageAugmentation.parse("erase=0.5").apply(images, many, new Random(5));
        int erased = 0;
        for (int i = 0; i < 400; i++) {
            for (int k = 0; k < 64; k++) {
                if (images[i * 64 + k] != 0.5f) {
                    erased++;
                    break;
                }
            }
        }
        assertTrue(erased > 150 && erased < 250, erased + " of 400 erased");
        // crop without erasing draws what it drew before erasing existed
        float[] plain = constant(0.5f);
        float[] withZero = constant(0.5f);
        new ImageAugmentation(2, false, 0, 0, 0).apply(plain, BATCH, new Random(1));
        ImageAugmentation.parse("crop=2").apply(withZero, BATCH, new Random(1));
        assertArrayEquals(plain, withZero);
        assertFalse(Arrays.equals(constant(0.5f), plain), "the crop moved something");
    }

    @Test
    void theTextFormCarriesTheProbabilityAndBadValuesAreRefused() {
        ImageAugmentation a = ImageAugmentation.parse("crop=2,erase=0.25");
        assertEquals(0.25, a.erasing());
        assertEquals("crop=2,erase=0.25", a.spec());
        assertEquals(a, ImageAugmentation.parse(a.spec()));
        assertThrows(IllegalArgumentException.class, () -> ImageAugmentation.parse("erase=1.5"));
        assertThrows(IllegalArgumentException.class, () -> ImageAugmentation.none().withErasing(-0.1));
    }
}
