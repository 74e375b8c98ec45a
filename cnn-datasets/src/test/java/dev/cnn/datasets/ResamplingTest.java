package dev.cnn.datasets;

import dev.cnn.api.data.Dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResamplingTest {
    @Test
    void greyBecomesColourAndBackAndSizesChange() {
        float[] pixels = {0, 0.5f, 0.5f, 1};
        Dataset grey = new Dataset(Shape.of(1, 2, 2), pixels, new int[] {0}, List.of("a"), new float[] {1}, List.of("t"));
        assertSame(grey, Resampling.toShape(grey, Shape.of(1, 2, 2)));
        Dataset colour = Resampling.toShape(grey, Shape.of(3, 2, 2));
        assertArrayEquals(new float[] {0, 0.5f, 0.5f, 1, 0, 0.5f, 0.5f, 1, 0, 0.5f, 0.5f, 1}, colour.features(0), 1e-6f);
        assertArrayEquals(new float[] {1}, colour.tags(0));
        assertArrayEquals(pixels, Resampling.toShape(colour, Shape.of(1, 2, 2)).features(0), 1e-6f);
        assertArrayEquals(new float[] {0.5f}, Resampling.toShape(grey, Shape.of(1, 1, 1)).features(0), 1e-6f);
        assertEquals(Shape.of(3, 4, 4), Resampling.toShape(grey, Shape.of(3, 4, 4)).sampleShape());
    }

    @Test
    void sizesThatOverflowAnArrayOrTheHeapAreRefusedWithTheFiguresBeforeAnyWork() {
        IllegalArgumentException overflow = assertThrows(IllegalArgumentException.class,
                () -> Resampling.valuesFor(60_000, Shape.of(1, 200, 200)));
        assertTrue(overflow.getMessage().startsWith("60,000 images of 1x200x200 take"
                + " 9,155 MB, more than one Java array holds"), overflow.getMessage());
        long heapMb = Runtime.getRuntime().maxMemory() >> 20;
        int side = (int) Math.min(40_000, Math.sqrt((double) (heapMb + 64) * (1 << 20) / Float.BYTES / 8) + 1);
        IllegalArgumentException heap = assertThrows(IllegalArgumentException.class,
                () -> Resampling.valuesFor(8, Shape.of(1, side, side)));
        assertTrue(heap.getMessage().contains("give Java more memory")
                || heap.getMessage().contains("more than one Java array holds"), heap.getMessage());
        assertEquals(10 * 784, Resampling.valuesFor(10,
                Shape.of(1, 28, 28)));
    }
}
