package dev.cnn.datasets;

import dev.cnn.api.data.Dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.tensor.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderSourceTest {
    @TempDir
    Path root;

    private final RecordingListener listener = new RecordingListener();

    private ImageFolderSource source(int channels, int rows, int columns) {
        return new ImageFolderSource(root, ImageFolderOptions.defaults().withChannels(channels).withSize(rows, columns)
                .withThreads(2), listener);
    }

    private static void assertAll(float expected, float[] values, float tolerance, String what) {
        for (float v : values) {
            assertEquals(expected, v, tolerance, what);
        }
    }

    @Test
    void everyColourModeAndOddSizesAreResizedToOneShape() throws IOException {
        TestImages.grey(root.resolve("train/grey/a.png"), 20, 20, 51);
        TestImages.grey16(root.resolve("train/grey16/a.png"), 9, 13, 65535 / 5 * 3);
        TestImages.rgb(root.resolve("train/rgb/a.png"), 31, 17, 0xFF0000, "png");
        TestImages.rgba(root.resolve("train/rgba/a.png"), 12, 12, 0x8000FF00);
        TestImages.palette(root.resolve("train/palette/a.png"), 7, 5, 0x0000FF);
        TestImages.rgb(root.resolve("train/jpeg/a.jpg"), 37, 23, 0xFFFFFF, "jpg");
        TestImages.rgb(root.resolve("train/bmp/a.bmp"), 5, 3, 0x00FFFF, "bmp");
        TestImages.rgb(root.resolve("train/gif/a.gif"), 6, 6, 0xFFFF00, "gif");
        TestImages.rgb16(root.resolve("train/rgb16/a.png"), 3, 9, 65535, 0, 65535);
        TestImages.rgb(root.resolve("test/rgb/b.png"), 8, 8, 0xFF0000, "png");

        Dataset train = source(3, 6, 4).train();
        assertEquals(List.of("bmp", "gif", "grey", "grey16", "jpeg", "palette", "rgb", "rgb16", "rgba"),
                train.classNames());
        assertEquals(Shape.of(3, 6, 4), train.sampleShape());
        assertEquals(9, train.size());
        int plane = 24;
        float[] grey = train.features(2);
        assertAll(0.2f, grey, 1e-6f, "8-bit grey 51 is 0.2 in every channel");
        assertAll(0.6f, train.features(3), 1e-4f, "16-bit grey keeps its precision");
        float[] red = train.features(6);
        assertAll(1f, java.util.Arrays.copyOfRange(red, 0, plane), 1e-6f, "red plane");
        assertAll(0f, java.util.Arrays.copyOfRange(red, plane, 3 * plane), 1e-6f, "green and blue planes");
        float[] magenta = train.features(7);
        assertAll(1f, java.util.Arrays.copyOfRange(magenta, 0, plane), 1e-6f, "16-bit RGB red");
        assertAll(0f, java.util.Arrays.copyOfRange(magenta, plane, 2 * plane), 1e-6f, "16-bit RGB green");
        float[] halfGreen = train.features(8);
        assertAll(128 / 255f, java.util.Arrays.copyOfRange(halfGreen, plane, 2 * plane), 1e-6f, "alpha composited over black");
        float[] blue = train.features(5);
        assertAll(1f, java.util.Arrays.copyOfRange(blue, 2 * plane, 3 * plane), 1e-6f, "palette colour");
        assertAll(1f, train.features(4), 0.03f, "JPEG white stays nearly white");
        assertAll(1f, java.util.Arrays.copyOfRange(train.features(0), plane, 3 * plane), 1e-6f, "BMP cyan");
        assertEquals(1, source(3, 6, 4).test().size());
        assertTrue(listener.skipped.isEmpty(), listener.skipped.toString());
        assertEquals(10, listener.progress.get(listener.progress.size() - 1)[0], "progress reaches every image");
    }

    @Test
    void channelsAndSizeComeFromTheImagesWhenNotGiven() throws IOException {
        TestImages.grey(root.resolve("a/1.png"), 10, 6, 0);
        TestImages.grey16(root.resolve("a/2.png"), 10, 6, 0);
        TestImages.palette(root.resolve("b/1.png"), 10, 6, 0x808080);
        TestImages.grey(root.resolve("b/2.png"), 10, 6, 255);
        assertEquals(Shape.of(1, 6, 10), source(0, 0, 0).train().sampleShape(), "grey images and a grey palette");

        TestImages.rgb(root.resolve("b/3.png"), 10, 6, 0x00FF00, "png");
        assertEquals(Shape.of(3, 6, 10), source(0, 0, 0).train().sampleShape(), "one colour image makes it RGB");
        assertEquals(Shape.of(1, 6, 10), source(1, 0, 0).train().sampleShape(), "--channels 1 wins");

        TestImages.rgb(root.resolve("b/4.png"), 11, 6, 0x00FF00, "png");
        IOException mixed = assertThrows(IOException.class, () -> source(0, 0, 0).train());
        assertTrue(mixed.getMessage().contains("2 different sizes") && mixed.getMessage().contains("--input-size"),
                mixed.getMessage());
        assertEquals(Shape.of(3, 5, 5), source(0, 5, 5).train().sampleShape());
    }

    @Test
    void aCorruptFileIsNamedAndSkipped() throws IOException {
        TestImages.grey(root.resolve("cats/good.png"), 4, 4, 10);
        TestImages.grey(root.resolve("cats/good2.png"), 4, 4, 10);
        TestImages.corrupt(root.resolve("cats/broken.png"));
        TestImages.grey(root.resolve("dogs/good.png"), 4, 4, 200);
        TestImages.grey(root.resolve("dogs/good2.png"), 4, 4, 200);
        Files.writeString(root.resolve("dogs/notes.txt"), "not an image");
        for (int[] size : new int[][] {{0, 0}, {4, 4}}) {
            listener.skipped.clear();
            ImageFolderSource source = source(1, size[0], size[1]);
            Dataset train = source.train();
            Dataset test = source.test();
            assertEquals(4, train.size() + test.size());
            assertEquals(1, listener.skipped.size(), listener.skipped.toString());
            assertTrue(listener.skipped.get(0).contains("broken.png"), listener.skipped.get(0));
            assertEquals(1, source.skippedFiles());
            assertEquals(4, listener.finishedImages);
            assertEquals(1, listener.finishedSkipped);
        }
        assertTrue(listener.allWarnings().contains("notes.txt"), listener.allWarnings());
    }

    @Test
    void testImagesPickedByIndexAreTheOnlyOnesDecoded() throws IOException {
        TestImages.grey(root.resolve("train/a/1.png"), 4, 4, 10);
        TestImages.grey(root.resolve("train/b/1.png"), 4, 4, 200);
        TestImages.grey(root.resolve("test/a/1.png"), 4, 4, 10);
        TestImages.corrupt(root.resolve("test/a/2.png"));
        TestImages.grey(root.resolve("test/b/1.png"), 4, 4, 200);
        ImageFolderSource source = new ImageFolderSource(root, ImageFolderOptions.defaults().withChannels(1)
                .withSize(8, 8).withClassNames(List.of("a", "b")), listener);
        Dataset picked = source.testImagesAt(new int[] {2, 0, 2});
        assertEquals(List.of(1, 0, 1), java.util.Arrays.stream(picked.labels()).boxed().toList());
        assertEquals(Shape.of(1, 8, 8), picked.sampleShape());
        assertEquals(200 / 255f, picked.features(0)[0], 1e-6f);
        assertTrue(listener.skipped.isEmpty(), "the damaged test image was not decoded: " + listener.skipped);
        assertEquals(2, listener.finishedImages, "two files decoded for three images");
        IOException damaged = assertThrows(IOException.class, () -> source.testImagesAt(new int[] {1}));
        assertTrue(damaged.getMessage().startsWith(root.resolve("test/a/2.png") + ": ")
                && damaged.getMessage().endsWith(" (test image #1)"), damaged.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> source.testImagesAt(new int[] {3}));
        assertEquals("index 3 is outside the test split, which has images 0..2", outside.getMessage());
    }

    @Test
    void aJpegOfThousandsOfScansIsSkippedWithoutDecodingIt() throws IOException {
        TestImages.grey(root.resolve("a/small.png"), 4, 4, 10);
        TestImages.grey(root.resolve("a/small2.png"), 4, 4, 10);
        TestImages.progressiveJpeg(root.resolve("a/stall.jpg"), 2048, 20_000);
        long started = System.nanoTime();
        ImageFolderSource source = source(1, 4, 4);
        int images = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> source.train().size() + source.test().size());
        System.out.printf("a folder holding a JPEG of 20010 scans read in %.0f ms%n", (System.nanoTime() - started) / 1e6);
        assertEquals(2, images);
        assertEquals(1, listener.skipped.size());
        assertTrue(listener.skipped.get(0).contains("stall.jpg: the JPEG has 20010 scans, more than the 1000"),
                listener.skipped.get(0));
    }

    @Test
    void aTooLargeImageIsSkippedFromItsHeader() throws IOException {
        TestImages.grey(root.resolve("a/small.png"), 4, 4, 10);
        TestImages.grey(root.resolve("a/small2.png"), 4, 4, 10);
        TestImages.grey(root.resolve("a/small3.png"), 4, 4, 10);
        TestImages.grey(root.resolve("a/small4.png"), 4, 4, 10);
        TestImages.grey(root.resolve("a/large.png"), 3000, 3000, 10);
        String old = System.setProperty(DatasetLimits.MAX_PIXELS_PROPERTY, "1000000");
        try {
            ImageFolderSource source = source(1, 4, 4);
            assertEquals(4, source.train().size() + source.test().size());
            assertEquals(1, listener.skipped.size());
            assertTrue(listener.skipped.get(0).contains("large.png") && listener.skipped.get(0).contains("9000000 pixels"),
                    listener.skipped.get(0));
        } finally {
            if (old == null) {
                System.clearProperty(DatasetLimits.MAX_PIXELS_PROPERTY);
            } else {
                System.setProperty(DatasetLimits.MAX_PIXELS_PROPERTY, old);
            }
        }
    }

    @Test
    void anEmptyClassFolderIsSkippedWithAWarning() throws IOException {
        TestImages.grey(root.resolve("train/a/1.png"), 4, 4, 10);
        Files.createDirectories(root.resolve("train/b"));
        TestImages.grey(root.resolve("train/c/1.png"), 4, 4, 10);
        TestImages.corrupt(root.resolve("train/d/1.png"));
        TestImages.grey(root.resolve("test/a/1.png"), 4, 4, 10);
        Files.createDirectories(root.resolve("test/b"));
        Dataset train = source(1, 4, 4).train();
        assertEquals(List.of("a", "c"), train.classNames());
        assertTrue(listener.allWarnings().contains(root.resolve("train/b") + " holds no images"), listener.allWarnings());
        assertTrue(listener.allWarnings().contains("none of the 1 images in " + root.resolve("train/d")),
                listener.allWarnings());
    }

    @Test
    void aTestClassWithoutTrainingImagesIsRefused() throws IOException {
        TestImages.grey(root.resolve("train/a/1.png"), 4, 4, 10);
        Files.createDirectories(root.resolve("train/b"));
        TestImages.grey(root.resolve("test/b/1.png"), 4, 4, 10);
        IOException e = assertThrows(IOException.class, () -> source(1, 4, 4).test());
        assertTrue(e.getMessage().contains("test image of class 'b'") && e.getMessage().contains("1.png"), e.getMessage());
    }

    @Test
    void emptySplitsAndMissingFoldersAreRefused() throws IOException {
        IOException none = assertThrows(IOException.class, () -> source(1, 4, 4).train());
        assertTrue(none.getMessage().contains("holds no class folders"), none.getMessage());
        Files.createDirectories(root.resolve("train/a"));
        IOException noTest = assertThrows(IOException.class, () -> source(1, 4, 4).train());
        assertTrue(noTest.getMessage().contains("has train/ but no"), noTest.getMessage());
        Files.createDirectories(root.resolve("test/a"));
        IOException empty = assertThrows(IOException.class, () -> source(1, 4, 4).train());
        assertTrue(empty.getMessage().contains("holds no readable training images"), empty.getMessage());
        TestImages.grey(root.resolve("train/a/1.png"), 4, 4, 10);
        ImageFolderSource source = source(1, 4, 4);
        assertEquals(1, source.train().size());
        IOException emptyTest = assertThrows(IOException.class, source::test);
        assertTrue(emptyTest.getMessage().contains("the test split of " + root + " is empty"), emptyTest.getMessage());
        IOException notADir = assertThrows(IOException.class, () -> new ImageFolderSource(root.resolve("nope"),
                ImageFolderOptions.defaults(), listener).train());
        assertTrue(notADir.getMessage().contains("is not a directory"), notADir.getMessage());
    }

    @Test
    void aSingleFolderHoldsOutAFifthOfEachClassTheSameWayEveryTime() throws IOException {
        for (int i = 0; i < 10; i++) {
            TestImages.grey(root.resolve("a/" + i + ".png"), 4, 4, i);
            TestImages.grey(root.resolve("b/" + i + ".png"), 4, 4, 100 + i);
        }
        TestImages.grey(root.resolve("c/only.png"), 4, 4, 200);
        ImageFolderSource first = source(1, 4, 4);
        Dataset train = first.train();
        Dataset test = first.test();
        assertEquals(List.of("a", "b", "c"), train.classNames());
        assertEquals(17, train.size());
        assertArrayEquals(new int[] {0, 0, 1, 1}, test.labels(), "two of ten per class; the single image trains");
        Dataset again = source(1, 4, 4).test();
        assertArrayEquals(test.features(0), again.features(0));
        assertArrayEquals(test.features(3), again.features(3));
    }

    @Test
    void knownClassesAreMatchedByNameAndOnlyTheSplitAskedForIsRead() throws IOException {
        TestImages.grey(root.resolve("train/cat/1.png"), 4, 4, 10);
        TestImages.corrupt(root.resolve("train/cat/broken.png"));
        TestImages.grey(root.resolve("test/dog/1.png"), 4, 4, 10);
        ImageFolderSource source = new ImageFolderSource(root, ImageFolderOptions.defaults().withChannels(1).withSize(4, 4)
                .withClassNames(List.of("ant", "cat", "dog")), listener);
        Dataset test = source.test();
        assertArrayEquals(new int[] {2}, test.labels());
        assertEquals(List.of("ant", "cat", "dog"), test.classNames());
        assertTrue(listener.skipped.isEmpty(), "the training split was not read");
        ImageFolderSource other = new ImageFolderSource(root, ImageFolderOptions.defaults().withChannels(1).withSize(4, 4)
                .withClassNames(List.of("ant", "cat")), listener);
        IOException e = assertThrows(IOException.class, other::test);
        assertTrue(e.getMessage().contains(root.resolve("test/dog") + " is not one of the model's classes"), e.getMessage());
    }

    @Test
    void tagsComeFromTagsCsvAndAMissingFileIsReported() throws IOException {
        TestImages.rgb(root.resolve("train/banana/1.png"), 4, 4, 0xFFFF00, "png");
        TestImages.rgb(root.resolve("train/banana/2.png"), 4, 4, 0xFFFF00, "png");
        TestImages.rgb(root.resolve("train/ball/1.png"), 4, 4, 0xFF0000, "png");
        TestImages.rgb(root.resolve("test/ball/1.png"), 4, 4, 0xFF0000, "png");
        Files.writeString(root.resolve("tags.csv"), String.join("\n",
                "path,tags",
                "train/banana/1.png,yellow;curved; smooth",
                "train/ball/1.png,red;round",
                "test/ball/1.png,red",
                "train/banana/gone.png,yellow",
                "# a comment",
                "",
                "no comma here"));
        ImageFolderSource source = source(3, 4, 4);
        Dataset train = source.train();
        assertEquals(List.of("curved", "red", "round", "smooth", "yellow"), train.tagNames());
        assertTrue(train.hasTags());
        assertArrayEquals(new float[] {0, 1, 1, 0, 0}, train.tags(0), "ball/1.png");
        assertArrayEquals(new float[] {1, 0, 0, 1, 1}, train.tags(1), "banana/1.png");
        assertArrayEquals(new float[] {0, 0, 0, 0, 0}, train.tags(2), "banana/2.png has no line");
        assertArrayEquals(new float[] {0, 1, 0, 0, 0}, source.test().tags(0));
        String warnings = listener.allWarnings();
        assertTrue(warnings.contains("line 5") && warnings.contains("gone.png"), warnings);
        assertTrue(warnings.contains("line 8") && warnings.contains("no comma here"), warnings);
        assertTrue(warnings.contains("1 images have no line in"), warnings);
    }

    @Test
    void aTagsCsvNamingNoExistingFileIsRefused() throws IOException {
        TestImages.grey(root.resolve("a/1.png"), 4, 4, 10);
        Files.writeString(root.resolve("tags.csv"), "a/missing.png,x\n");
        IOException e = assertThrows(IOException.class, () -> source(1, 4, 4).train());
        assertTrue(e.getMessage().contains("names no existing image"), e.getMessage());
        assertTrue(listener.allWarnings().contains("missing.png"));
    }

    @Test
    void aFolderIsRecognisedAsImagesOnlyWithClassFolders() throws IOException {
        assertFalse(ImageFolderLayout.looksLikeImageFolders(root));
        Files.createDirectories(root.resolve("a"));
        assertTrue(ImageFolderLayout.looksLikeImageFolders(root));
    }
}
