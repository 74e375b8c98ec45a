package dev.cnn.datasets;

import dev.cnn.api.data.Dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}
