package dev.cnn.backend.cpu;

import static dev.cnn.backend.cpu.TestData.BACKEND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChannelKernelsTest {

    @Test
    void concatJoinsEachImagesChannelsInOrder() {
        Tensor a = BACKEND.tensor(new float[] {1, 2, 3, 4}, Shape.of(2, 1, 1, 2));
        Tensor b = BACKEND.tensor(new float[] {5, 6, 7, 8, 9, 10, 11, 12}, Shape.of(2, 2, 1, 2));
        Tensor joined = BACKEND.concatChannels(List.of(a, b));
        assertEquals(Shape.of(2, 3, 1, 2), joined.shape());
        assertArrayEquals(new float[] {1, 2, 5, 6, 7, 8, 3, 4, 9, 10, 11, 12}, joined.toArray());
        assertArrayEquals(new float[] {7, 8, 11, 12}, BACKEND.sliceChannels(joined, 2, 1).toArray());
    }

    @Test
    void sliceUndoesConcatOnRandomShapes() {
        Random random = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + random.nextInt(4);
            int c1 = 1 + random.nextInt(5);
            int c2 = 1 + random.nextInt(5);
            Shape s1 = random.nextBoolean() ? Shape.of(n, c1) : Shape.of(n, c1, 1 + random.nextInt(4), 1 + random.nextInt(4));
            int[] d2 = s1.dims();
            d2[1] = c2;
            Shape s2 = Shape.of(d2);
            float[] x1 = TestData.uniform(random, s1.size());
            float[] x2 = TestData.uniform(random, s2.size());
            Tensor joined = BACKEND.concatChannels(List.of(BACKEND.tensor(x1, s1), BACKEND.tensor(x2, s2)));
            assertArrayEquals(x1, BACKEND.sliceChannels(joined, 0, c1).toArray());
            assertArrayEquals(x2, BACKEND.sliceChannels(joined, c1, c2).toArray());
        }
    }

    @Test
    void mismatchedShapesAndRangesAreRefusedNamingThem() {
        Tensor a = BACKEND.zeros(Shape.of(2, 1, 3, 3));
        Tensor b = BACKEND.zeros(Shape.of(2, 1, 4, 3));
        var e = assertThrows(IllegalArgumentException.class, () -> BACKEND.concatChannels(List.of(a, b)));
        assertTrue(e.getMessage().contains("[2, 1, 3, 3]") && e.getMessage().contains("[2, 1, 4, 3]"), e.getMessage());
        var s = assertThrows(IllegalArgumentException.class, () -> BACKEND.sliceChannels(a, 1, 1));
        assertTrue(s.getMessage().contains("channels 1 to 1"), s.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BACKEND.concatChannels(List.of()));
    }
}
