package dev.cnn.datasets;

import dev.cnn.api.data.Dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.tensor.Shape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapesSourceTest {
    private static final List<String> ATTRIBUTES = List.of("curved", "pointed", "round", "straight-edged");
    private static final List<String> COLOURS = List.of("blue", "green", "orange", "purple", "red", "yellow");
    private static final List<String> TEXTURES = List.of("smooth", "spotted", "striped");

    @Test
    void theSameSeedDrawsTheSameImagesAndAnotherSeedOthers() {
        Dataset a = ShapesSource.parse("shapes:30:10:32:5", null).train();
        Dataset b = ShapesSource.parse("shapes:30:10:32:5", null).train();
        Dataset c = ShapesSource.parse("shapes:30:10:32:6", null).train();
        assertEquals(Shape.of(3, 32, 32), a.sampleShape());
        assertArrayEquals(a.gatherFeatures(range(30)), b.gatherFeatures(range(30)));
        assertArrayEquals(a.gatherTags(range(30)), b.gatherTags(range(30)));
        assertFalse(Arrays.equals(a.gatherFeatures(range(30)), c.gatherFeatures(range(30))));
        Dataset prefix = ShapesSource.parse("shapes:12:10:32:5", null).train();
        assertArrayEquals(prefix.gatherFeatures(range(12)), a.gatherFeatures(range(12)), "a smaller set starts the larger");
        Dataset test = ShapesSource.parse("shapes:30:10:32:5", null).test();
        assertFalse(Arrays.equals(test.features(0), a.features(0)), "test images are not training images");
    }

    @Test
    void everyClassAndTagAppearsAndTagsFitTheClass() {
        Dataset d = new ShapesSource(240, 6, 24, 40, 3, null).train();
        assertEquals(Shape.of(3, 24, 40), d.sampleShape());
        assertEquals(List.of("ball", "banana", "box", "leaf", "ring", "star"), d.classNames());
        assertEquals(13, d.tagNames().size());
        assertTrue(d.tagNames().containsAll(ATTRIBUTES) && d.tagNames().containsAll(COLOURS)
                && d.tagNames().containsAll(TEXTURES), d.tagNames().toString());
        int[] perClass = new int[6];
        float[] perTag = new float[13];
        for (int i = 0; i < d.size(); i++) {
            perClass[d.label(i)]++;
            float[] tags = d.tags(i);
            int colours = 0;
            int textures = 0;
            for (int t = 0; t < tags.length; t++) {
                perTag[t] += tags[t];
                String name = d.tagNames().get(t);
                colours += COLOURS.contains(name) ? (int) tags[t] : 0;
                textures += TEXTURES.contains(name) ? (int) tags[t] : 0;
                if (ATTRIBUTES.contains(name)) {
                    boolean expected = ShapeKind.values()[d.label(i)].attributes().contains(name);
                    assertEquals(expected ? 1f : 0f, tags[t], "image " + i + " tag " + name);
                }
            }
            assertEquals(1, colours, "one colour per image");
            assertEquals(1, textures, "one texture per image");
        }
        assertArrayEquals(new int[] {40, 40, 40, 40, 40, 40}, perClass, "classes take turns");
        for (int t = 0; t < perTag.length; t++) {
            assertTrue(perTag[t] >= 10, d.tagNames().get(t) + " appears " + perTag[t] + " times");
        }
    }

    @Test
    void imagesAreColourfulObjectsOnANoisyBackground() {
        Dataset d = new ShapesSource(12, 1, 48, 48, 1, null).train();
        for (int i = 0; i < d.size(); i++) {
            float[] p = d.features(i);
            int plane = 48 * 48;
            int saturated = 0;
            for (int k = 0; k < plane; k++) {
                float max = Math.max(p[k], Math.max(p[plane + k], p[2 * plane + k]));
                float min = Math.min(p[k], Math.min(p[plane + k], p[2 * plane + k]));
                saturated += max - min > 0.35f ? 1 : 0;
            }
            assertTrue(saturated > plane / 20 && saturated < plane * 3 / 4,
                    "image " + i + ": the object covers a part of the picture, not none or all: " + saturated);
            for (float v : p) {
                assertTrue(v >= 0 && v <= 1);
            }
        }
    }

    @Test
    void specsAreParsedAndBadOnesExplained() {
        ShapesSource plain = ShapesSource.parse("shapes", null);
        assertEquals(ShapesSource.DEFAULT_TRAIN, plain.trainImages());
        assertEquals(ShapesSource.DEFAULT_TEST, plain.testImages());
        assertEquals("shapes", plain.name());
        ShapesSource sized = ShapesSource.parse("shapes:20000:5000:32x40", null);
        assertEquals(20_000, sized.trainImages());
        assertEquals(5_000, sized.testImages());
        assertEquals(32, sized.height());
        assertEquals(40, sized.width());
        assertEquals("shapes:20000:5000:32x40:1", sized.name());
        assertTrue(ShapesSource.isShapes("SHAPES:10"));
        assertFalse(ShapesSource.isShapes("shapes2"));
        for (String bad : List.of("shapes:x", "shapes:1:2:3:4:5:6", "shapes:10:0", "shapes:10:10:8", "shapes:10:10:4x4x4")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShapesSource.parse(bad, null));
            assertTrue(e.getMessage().contains("shapes"), e.getMessage());
        }
    }

    private static int[] range(int n) {
        int[] indices = new int[n];
        Arrays.setAll(indices, i -> i);
        return indices;
    }
}
