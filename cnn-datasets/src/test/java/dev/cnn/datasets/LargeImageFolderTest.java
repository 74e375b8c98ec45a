package dev.cnn.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folders of large images read with more decoding threads than the heap has room for images at once, in a JVM of its
 * own with a small heap: the same images load whatever the number of threads, and a valid image too large for the
 * whole heap stops the load, named, instead of being left out.
 */
class LargeImageFolderTest {
    @TempDir
    Path root;

    @Test
    void eightThreadsOnASmallHeapLoadEveryLargeImage() throws Exception {
        for (int i = 0; i < 3; i++) {
            TestImages.flatRgb(root.resolve("red/" + i + ".jpg"), 3000, 3000, 0xC01010 + 0x1000 * i, "jpg");
            TestImages.flatRgb(root.resolve("blue/" + i + ".jpg"), 3000, 3000, 0x1010C0 + 0x10 * i, "jpg");
        }
        // a 3000x3000 RGB image is 27 MB decoded: 8 at once need over 200 MB, one at a time fits in 96 MB
        ChildJvm.Result run = ChildJvm.loadFolder(List.of("-Xmx96m"), Map.of(), root.toUri().toString(), "8", "16");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("train [blue, red] 4 images"), run.output());
        assertTrue(run.output().contains("test [blue, red] 2 images"), run.output());
        assertTrue(run.output().contains("skipped 0"), run.output());
    }

    @Test
    void aValidImageTooLargeForTheWholeHeapStopsTheLoadNamingItAndWhatToDo() throws Exception {
        for (int i = 0; i < 2; i++) {
            TestImages.rgb(root.resolve("small/" + i + ".png"), 8, 8, 0x808080, "png");
            TestImages.rgb(root.resolve("big/" + i + ".png"), 8, 8, 0x202020, "png");
        }
        Path big = TestImages.flatRgb(root.resolve("big/huge.jpg"), 7000, 7000, 0x336699, "jpg");
        ChildJvm.Result run = ChildJvm.loadFolder(List.of("-Xmx64m"), Map.of(), root.toUri().toString(), "8", "16");
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("error: " + big + ": the image is 7000x7000, too large to decode in the memory"
                + " Java has: it needs about 1"), run.output());
        assertTrue(run.output().contains("give Java more memory (such as CNN_JAVA_OPTS=-Xmx8g for ./cnn, or java"
                + " -Xmx8g), or shrink the image"), run.output());
    }
}
