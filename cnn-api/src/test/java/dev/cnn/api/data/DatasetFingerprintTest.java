package dev.cnn.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.tensor.Shape;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fingerprint tells a dataset from others of the same size and shape, and is the same for the same contents. */
class DatasetFingerprintTest {
    private static final List<String> CLASSES = List.of("a", "b", "c");

    private static float[] pixels(int images, int size, long seed) {
        Random random = new Random(seed);
        float[] p = new float[images * size];
        for (int i = 0; i < p.length; i++) {
            p[i] = random.nextInt(256) / 255f;
        }
        return p;
    }

    private static Dataset of(float[] pixels, int[] labels, Shape shape) {
        return new Dataset(shape, pixels, labels, CLASSES);
    }

    @Test
    void theSameContentsGiveTheSameFingerprintAndOtherContentsAnother() {
        Shape shape = Shape.of(1, 4, 4);
        float[] p = pixels(30, 16, 1);
        int[] labels = new int[30];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3;
        }
        String fingerprint = of(p, labels, shape).fingerprint();
        assertTrue(fingerprint.matches("[0-9a-f]{16}"), fingerprint);
        assertEquals(fingerprint, of(p.clone(), labels.clone(), shape).fingerprint());
        assertEquals(fingerprint, new Dataset(shape, p, labels, List.of("x", "y", "z")).fingerprint(),
                "names are not contents");

        float[] inverted = p.clone();
        for (int i = 0; i < inverted.length; i++) {
            inverted[i] = 1 - inverted[i];
        }
        assertNotEquals(fingerprint, of(inverted, labels, shape).fingerprint());
        float[] onePixel = p.clone();
        onePixel[123] = Math.nextUp(onePixel[123]);
        assertNotEquals(fingerprint, of(onePixel, labels, shape).fingerprint());
        int[] relabelled = labels.clone();
        relabelled[7] = (relabelled[7] + 1) % 3;
        assertNotEquals(fingerprint, of(p, relabelled, shape).fingerprint());
        assertNotEquals(fingerprint, of(p, labels, Shape.of(1, 2, 8)).fingerprint(), "the shape counts");
        int[] swapped = java.util.stream.IntStream.range(0, 30).map(i -> i == 0 ? 1 : i == 1 ? 0 : i).toArray();
        assertNotEquals(fingerprint, of(p, labels, shape).select(swapped).fingerprint(), "the order counts");
        float[] tags = new float[30 * 2];
        assertNotEquals(fingerprint, new Dataset(shape, p, labels, CLASSES, tags, List.of("t", "u")).fingerprint());
    }

    @Test
    void anImageUpscaledFromOnePixelIsNotTheImage() {
        float[] constant = new float[10 * 16];
        for (int i = 0; i < 10; i++) {
            java.util.Arrays.fill(constant, i * 16, (i + 1) * 16, i / 10f);
        }
        int[] labels = new int[10];
        float[] original = pixels(10, 16, 2);
        assertNotEquals(of(original, labels, Shape.of(1, 4, 4)).fingerprint(),
                of(constant, labels, Shape.of(1, 4, 4)).fingerprint());
    }
}
