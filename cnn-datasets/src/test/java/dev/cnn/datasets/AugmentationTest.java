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

class AugmentationTest {
    private static final Shape BATCH = Shape.of(8, 2, 9, 9);

    /** One bright pixel in the centre of every plane; channel 1 is twice channel 0. */
    private static float[] centreDots() {
        float[] batch = new float[BATCH.size()];
        for (int plane = 0; plane < 16; plane++) {
            batch[plane * 81 + 4 * 9 + 4] = 1 + plane % 2;
        }
        return batch;
    }

    @Test
    void sameSeedSameShifts() {
        float[] a = centreDots();
        float[] b = centreDots();
        new Augmentation(3).apply(a, BATCH, new Random(42));
        new Augmentation(3).apply(b, BATCH, new Random(42));
        assertArrayEquals(a, b, 0f);
        float[] c = centreDots();
        new Augmentation(3).apply(c, BATCH, new Random(7));
        assertFalse(Arrays.equals(a, c), "another seed gives other shifts");
    }

    @Test
    void shiftsStayWithinTheLimitAndMoveAllChannelsTogether() {
        float[] batch = centreDots();
        new Augmentation(2).apply(batch, BATCH, new Random(1));
        boolean moved = false;
        for (int image = 0; image < 8; image++) {
            int at0 = indexOfNonZero(batch, (image * 2) * 81);
            int at1 = indexOfNonZero(batch, (image * 2 + 1) * 81);
            assertEquals(at0, at1, "both channels shift alike");
            assertTrue(Math.abs(at0 / 9 - 4) <= 2 && Math.abs(at0 % 9 - 4) <= 2, "shift within 2 pixels");
            assertEquals(2f, batch[(image * 2 + 1) * 81 + at1], 0f);
            moved |= at0 != 40;
        }
        assertTrue(moved, "some image moved");
    }

    @Test
    void uncoveredPixelsAreZero() {
        Shape one = Shape.of(1, 1, 3, 3);
        float[] ones = new float[9];
        Arrays.fill(ones, 1f);
        Random random = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            float[] batch = ones.clone();
            new Augmentation(1).apply(batch, one, random);
            float sum = 0;
            for (float v : batch) {
                sum += v;
            }
            assertTrue(sum == 9 || sum == 6 || sum == 4, "a 3x3 plane keeps 9, 6 or 4 pixels, kept " + sum);
        }
    }

    @Test
    void zeroShiftChangesNothingAndBadInputsFail() {
        float[] batch = centreDots();
        Augmentation.none().apply(batch, BATCH, new Random(0));
        assertArrayEquals(centreDots(), batch, 0f);
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(-1));
        assertThrows(IllegalArgumentException.class,
                () -> new Augmentation(1).apply(new float[10], Shape.of(1, 1, 3, 3), new Random()));
    }

    private static int indexOfNonZero(float[] data, int offset) {
        for (int i = 0; i < 81; i++) {
            if (data[offset + i] != 0) {
                return i;
            }
        }
        return -1;
    }
}
