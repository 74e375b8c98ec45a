package dev.cnn.datasets;

import dev.cnn.api.data.Dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.tensor.Shape;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageAugmentationTest {
    private static final Shape BATCH = Shape.of(8, 3, 10, 12);

    private static float[] batch() {
        Dataset d = new ShapesSource(8, 1, 16, 16, 2, null).train();
        return Resampling.toShape(d, Shape.of(3, 10, 12)).gatherFeatures(new int[] {0, 1, 2, 3, 4, 5, 6, 7});
    }

    @Test
    void theSameSeedGivesTheSameBatch() {
        ImageAugmentation all = new ImageAugmentation(2, true, 15, 0.1, 0.3);
        float[] a = batch();
        float[] b = batch();
        float[] c = batch();
        all.apply(a, BATCH, new Random(9));
        all.apply(b, BATCH, new Random(9));
        all.apply(c, BATCH, new Random(10));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        assertFalse(Arrays.equals(a, batch()), "it changes the images");
        for (float v : a) {
            assertTrue(v >= 0 && v <= 1, "pixels stay in [0, 1]: " + v);
        }
    }

    @Test
    void noneChangesNothingAndAFlipMirrorsExactly() {
        float[] untouched = batch();
        ImageAugmentation.none().apply(untouched, BATCH, new Random(1));
        assertArrayEquals(batch(), untouched);

        float[] original = batch();
        float[] flipped = batch();
        new ImageAugmentation(0, true, 0, 0, 0).apply(flipped, BATCH, new Random(4));
        int mirrored = 0;
        int size = 3 * 10 * 12;
        for (int b = 0; b < 8; b++) {
            boolean same = true;
            boolean mirror = true;
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 10; y++) {
                    for (int x = 0; x < 12; x++) {
                        float v = flipped[b * size + (c * 10 + y) * 12 + x];
                        same &= Math.abs(v - original[b * size + (c * 10 + y) * 12 + x]) < 1e-6f;
                        mirror &= Math.abs(v - original[b * size + (c * 10 + y) * 12 + (11 - x)]) < 1e-6f;
                    }
                }
            }
            assertTrue(same || mirror, "image " + b + " is itself or its mirror image");
            mirrored += mirror && !same ? 1 : 0;
        }
        assertTrue(mirrored > 0 && mirrored < 8, "some images flip, some do not: " + mirrored);
    }

    @Test
    void aCropShiftsByWholePixelsWithABlackBorder() {
        float[] image = new float[3 * 10 * 12];
        Arrays.fill(image, 0.5f);
        new ImageAugmentation(3, false, 0, 0, 0).apply(image, Shape.of(1, 3, 10, 12), new Random(5));
        long half = 0;
        long black = 0;
        for (float v : image) {
            half += Math.abs(v - 0.5f) < 1e-6f ? 1 : 0;
            black += v == 0f ? 1 : 0;
        }
        assertEquals(image.length, half + black, "every pixel is copied or uncovered, none blended");
        assertTrue(black > 0, "the shift uncovered a border");
    }

    @Test
    void colourJitterOfAGreyImageKeepsItGrey() {
        float[] image = new float[3 * 4 * 4];
        for (int i = 0; i < 16; i++) {
            image[i] = image[16 + i] = image[32 + i] = i / 16f;
        }
        new ImageAugmentation(0, false, 0, 0, 0.5).apply(image, Shape.of(1, 3, 4, 4), new Random(3));
        for (int i = 0; i < 16; i++) {
            assertEquals(image[i], image[16 + i], 1e-5f);
            assertEquals(image[i], image[32 + i], 1e-5f);
        }
    }

    @Test
    void itsTextFormRoundTripsAndBadValuesAreRefused() {
        ImageAugmentation a = new ImageAugmentation(4, true, 10, 0.15, 0.2);
        assertEquals("crop=4,flip,rotate=10,scale=0.15,jitter=0.2", a.spec());
        assertEquals(a, ImageAugmentation.parse(a.spec()));
        assertEquals("none", ImageAugmentation.none().spec());
        assertEquals(ImageAugmentation.none(), ImageAugmentation.parse(null));
        assertTrue(ImageAugmentation.parse("none").isNone());
        assertThrows(IllegalArgumentException.class, () -> ImageAugmentation.parse("spin=3"));
        assertThrows(IllegalArgumentException.class, () -> ImageAugmentation.parse("crop"));
        assertThrows(IllegalArgumentException.class, () -> new ImageAugmentation(-1, false, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ImageAugmentation(0, false, 0, 1, 0));
    }
}
