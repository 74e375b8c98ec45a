package dev.cnn.datasets;

import dev.cnn.api.data.Dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.tensor.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsRawImages() throws IOException {
        Path file = Files.write(dir.resolve("imgs"), IdxTestFiles.images(3, 4, 5));
        IdxImages images = IdxReader.readImages(file);
        assertEquals(3, images.count());
        assertEquals(4, images.rows());
        assertEquals(5, images.columns());
        assertEquals(60, images.pixels().length);
        assertEquals(7 + 3, images.pixels()[20 + 3]);
        assertEquals(Shape.of(1, 4, 5), images.sampleShape());
    }

    @Test
    void readsGzipImagesRecognisedByContentNotName() throws IOException {
        byte[] raw = IdxTestFiles.images(2, 3, 3);
        Path file = Files.write(dir.resolve("images-without-gz-suffix"), IdxTestFiles.gzip(raw));
        IdxImages images = IdxReader.readImages(file);
        assertEquals(2, images.count());
        assertArrayEquals(Arrays.copyOfRange(raw, 16, raw.length), images.pixels());
    }

    @Test
    void readsLabelsAsUnsigned() throws IOException {
        Path file = Files.write(dir.resolve("labels.gz"), IdxTestFiles.gzip(IdxTestFiles.labels(5, 0, 255)));
        assertArrayEquals(new int[] {5, 0, 255}, IdxReader.readLabels(file));
    }

    @Test
    void scalesFeaturesToUnitInterval() throws IOException {
        byte[] pixels = {0, (byte) 255, (byte) 128, 1};
        Path images = Files.write(dir.resolve("i"), IdxTestFiles.idx(IdxReader.IMAGES_MAGIC, new int[] {1, 2, 2}, pixels));
        Path labels = Files.write(dir.resolve("l"), IdxTestFiles.labels(1));
        Dataset d = IdxReader.readDataset(images, labels, List.of("a", "b"));
        assertArrayEquals(new float[] {0f, 1f, 128 / 255f, 1 / 255f}, d.features(0), 1e-6f);
        assertEquals(1, d.label(0));
    }

    @Test
    void wrongMagicIsNamed() throws IOException {
        Path file = Files.write(dir.resolve("bad-magic"), IdxTestFiles.idx(0x12345678, new int[] {1, 1, 1}, new byte[1]));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().startsWith("bad-magic: magic number 0x12345678"), e.getMessage());
    }

    @Test
    void labelFileReadAsImagesFailsOnDimensions() throws IOException {
        Path file = Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxTestFiles.labels(1, 2, 3));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().contains("declares 1 dimensions"), e.getMessage());
        assertTrue(e.getMessage().contains("needs 3"), e.getMessage());
    }

    @Test
    void truncatedFileReportsItemCounts() throws IOException {
        byte[] full = IdxTestFiles.labels(new int[10000]);
        Path file = Files.write(dir.resolve("t10k-labels-idx1-ubyte"), Arrays.copyOf(full, full.length - 1000));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));
        assertEquals("t10k-labels-idx1-ubyte: header says 10000 items but the file holds 9000", e.getMessage());
    }

    @Test
    void truncatedGzipReportsItemCounts() throws IOException {
        byte[] full = IdxTestFiles.images(4, 2, 2);
        Path file = Files.write(dir.resolve("x.gz"), IdxTestFiles.gzip(Arrays.copyOf(full, full.length - 6)));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertEquals("x.gz: header says 4 items but the file holds 2 and 2 stray bytes", e.getMessage());
    }

    @Test
    void extraDataIsACountMismatch() throws IOException {
        byte[] data = new byte[5];
        Path file = Files.write(dir.resolve("extra"), IdxTestFiles.idx(IdxReader.LABELS_MAGIC, new int[] {3}, data));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));
        assertEquals("extra: header says 3 items but the file holds 5", e.getMessage());
        Path gz = Files.write(dir.resolve("extra.gz"), IdxTestFiles.gzip(Files.readAllBytes(file)));
        assertEquals("extra.gz: header says 3 items but the file holds 5",
                assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(gz)).getMessage());
    }

    @Test
    void shortHeaderAndEmptyFileFail() throws IOException {
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(empty)).getMessage()
                .startsWith("empty: 0 bytes is too short"));
        Path shortHeader = Files.write(dir.resolve("short"), new byte[] {0, 0, 8, 3, 0, 0, 0, 1});
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxReader.readImages(shortHeader)).getMessage()
                .contains("header ends after 8 bytes"));
    }

    @Test
    void absurdDimensionsFailBeforeAllocating() throws IOException {
        Path file = Files.write(dir.resolve("huge"),
                IdxTestFiles.idx(IdxReader.IMAGES_MAGIC, new int[] {1_000_000_000, 1000, 1000}, new byte[0]));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().contains("declares 1000000000000000 bytes"), e.getMessage());
        Path negative = Files.write(dir.resolve("neg"),
                IdxTestFiles.idx(IdxReader.IMAGES_MAGIC, new int[] {1, -28, 28}, new byte[0]));
        assertTrue(assertThrows(IdxFormatException.class, () -> IdxReader.readImages(negative)).getMessage()
                .contains("dimension 1 is -28"));
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        Path images = Files.write(dir.resolve("imgs"), IdxTestFiles.images(3, 2, 2));
        Path labels = Files.write(dir.resolve("lbls"), IdxTestFiles.labels(1, 2));
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxReader.readDataset(images, labels, List.of("0", "1", "2")));
        assertEquals("lbls holds 2 labels but imgs holds 3 images", e.getMessage());
    }

    @Test
    void labelsBeyondTheClassesFail() throws IOException {
        Path images = Files.write(dir.resolve("imgs"), IdxTestFiles.images(1, 2, 2));
        Path labels = Files.write(dir.resolve("lbls"), IdxTestFiles.labels(9));
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxReader.readDataset(images, labels, List.of("0", "1")));
        assertTrue(e.getMessage().contains("label 9 of item 0"), e.getMessage());
    }

    @Test
    void aGzipFileCutInTheMiddleOfItsCompressedStreamIsNamed() throws IOException {
        byte[] compressed = IdxTestFiles.gzip(IdxTestFiles.images(50, 8, 8));
        Path file = Files.write(dir.resolve("train-images-idx3-ubyte.gz"), Arrays.copyOf(compressed, compressed.length / 2));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().startsWith(file + ": the compressed data ends early or is damaged"), e.getMessage());
    }

    @Test
    void onlyRegularFilesAreOpened() throws Exception {
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(dir));
        assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
        Path fifo = dir.resolve("fifo");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        IdxFormatException piped = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(fifo)));
        assertTrue(piped.getMessage().contains("is not a regular file"), piped.getMessage());
    }

    @Test
    void oneStrayLabelDoesNotMakeTwoHundredClasses() throws IOException {
        Path set = Files.createDirectories(dir.resolve("set"));
        Files.write(set.resolve(IdxFileSet.TRAIN_IMAGES), IdxTestFiles.images(4, 2, 2));
        Files.write(set.resolve(IdxFileSet.TRAIN_LABELS), IdxTestFiles.labels(0, 1, 200, 1));
        Files.write(set.resolve(IdxFileSet.TEST_IMAGES), IdxTestFiles.images(2, 2, 2));
        Files.write(set.resolve(IdxFileSet.TEST_LABELS), IdxTestFiles.labels(0, 1));
        LocatedDataset located = new LocatedDataset("set", List.of(), IdxFileSet.lookIn(set).found());
        IdxFormatException e = assertThrows(IdxFormatException.class, located::train);
        assertEquals(IdxFileSet.TRAIN_LABELS + ": label 200 of training image #2 makes 201 classes, but class 2 has no"
                + " training image; labels must run from 0 to the number of classes - 1 with every class present: fix the"
                + " labels", e.getMessage());
    }

    @Test
    void aTestLabelBeyondTheTrainingClassesIsRefused() throws IOException {
        Path set = Files.createDirectories(dir.resolve("set2"));
        Files.write(set.resolve(IdxFileSet.TRAIN_IMAGES), IdxTestFiles.images(2, 2, 2));
        Files.write(set.resolve(IdxFileSet.TRAIN_LABELS), IdxTestFiles.labels(0, 1));
        Files.write(set.resolve(IdxFileSet.TEST_IMAGES), IdxTestFiles.images(2, 2, 2));
        Files.write(set.resolve(IdxFileSet.TEST_LABELS), IdxTestFiles.labels(0, 7));
        LocatedDataset located = new LocatedDataset("set2", List.of(), IdxFileSet.lookIn(set).found());
        assertEquals(2, located.train().classNames().size());
        IdxFormatException e = assertThrows(IdxFormatException.class, located::test);
        assertTrue(e.getMessage().contains("label 7 of item 1 is outside the 2 classes"), e.getMessage());
    }
}
