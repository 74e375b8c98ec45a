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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderWriterTest {
    @TempDir
    Path dir;

    @Test
    void shapesWrittenAsPngFoldersReadBackAsTheSameDataset() throws IOException {
        ShapesSource shapes = new ShapesSource(24, 12, 20, 20, 4, null);
        Dataset train = shapes.train();
        Dataset test = shapes.test();
        Path out = dir.resolve("shapes");
        RecordingListener written = new RecordingListener();
        ImageFolderWriter.write(train, test, out, written);
        assertEquals(36, written.progress.get(written.progress.size() - 1)[0]);
        assertTrue(Files.isRegularFile(out.resolve("train/banana/00001.png")));
        assertTrue(Files.readString(out.resolve("tags.csv")).startsWith("path,tags\ntrain/ball/00000.png,"));

        RecordingListener read = new RecordingListener();
        ImageFolderSource folder = new ImageFolderSource(out, ImageFolderOptions.defaults(), read);
        Dataset back = folder.train();
        assertEquals(train.classNames(), back.classNames());
        assertEquals(train.tagNames(), back.tagNames());
        assertEquals(Shape.of(3, 20, 20), back.sampleShape());
        assertEquals(24, back.size());
        assertEquals(12, folder.test().size());
        assertTrue(read.warnings.isEmpty(), read.allWarnings());
        for (int i = 0; i < back.size(); i++) {
            int c = back.label(i);
            int original = -1;
            for (int k = 0; k < train.size() && original < 0; k++) {
                if (train.label(k) == c && sameWithin(train.features(k), back.features(i), 0.501f / 255)) {
                    original = k;
                }
            }
            assertTrue(original >= 0, "image " + i + " of class " + c + " is one of the generated ones, to 8 bits");
            assertArrayEquals(train.tags(original), back.tags(i));
        }
    }

    @Test
    void anExistingFolderWithFilesIsRefusedAndClassNamesBecomeFolderNames() throws IOException {
        Files.writeString(dir.resolve("x.txt"), "x");
        Dataset d = new Dataset(Shape.of(1, 2, 2), new float[8], new int[] {0, 1}, List.of("T-shirt/top", ".hidden"));
        IOException e = assertThrows(IOException.class, () -> ImageFolderWriter.write(d, d, dir, LoadListener.NONE));
        assertTrue(e.getMessage().contains("is not an empty folder"), e.getMessage());
        ImageFolderWriter.write(d, d, dir.resolve("new"), LoadListener.NONE);
        assertTrue(Files.isRegularFile(dir.resolve("new/train/T-shirt_top/00000.png")));
        assertTrue(Files.isRegularFile(dir.resolve("new/test/_.hidden/00001.png")));
        assertEquals("a_b_c", ImageFolderWriter.folderName("a:b\u0007c"));
    }

    @Test
    void tagsThatLookLikeFormulasOrHoldCommasAndQuotesAreEscapedAndReadBackAsTheyWere() throws IOException {
        List<String> tagNames = List.of("=cmd|' /C calc'!A0", "@SUM(A1)", "a,b", "say \"hi\"");
        float[] tags = {1, 0, 1, 1, 0, 1, 0, 0};
        Dataset d = new Dataset(Shape.of(1, 2, 2), new float[8], new int[] {0, 1}, List.of("=evil,class", "plain"), tags,
                tagNames);
        Path out = dir.resolve("out");
        ImageFolderWriter.write(d, d.range(0, 1), out, LoadListener.NONE);
        assertEquals(List.of("path,tags", "\"train/=evil,class/00000.png\",\"'=cmd|' /C calc'!A0;a,b;say \"\"hi\"\"\"",
                "train/plain/00001.png,'@SUM(A1)", "\"test/=evil,class/00000.png\",\"'=cmd|' /C calc'!A0;a,b;say"
                        + " \"\"hi\"\"\""), Files.readAllLines(out.resolve("tags.csv")));
        assertTrue(Files.readString(out.resolve("tags.csv")).lines().noneMatch(l -> l.matches("^\"?[=+\\-@].*")),
                "no cell starts as a formula");
        Dataset back = new ImageFolderSource(out, ImageFolderOptions.defaults(), LoadListener.NONE).train();
        assertEquals(List.of("=evil,class", "plain"), back.classNames());
        assertEquals(List.of("=cmd|' /C calc'!A0", "@SUM(A1)", "a,b", "say \"hi\"").stream().sorted().toList(),
                back.tagNames());
    }

    @Test
    void classesThatWouldShareAFolderAndTagsThatWouldNotReadBackAreRefusedBeforeWriting() {
        Dataset d = new Dataset(Shape.of(1, 2, 2), new float[8], new int[] {0, 1}, List.of("a/b", "a:b"));
        IOException e = assertThrows(IOException.class, () -> ImageFolderWriter.write(d, d, dir.resolve("c"),
                LoadListener.NONE));
        assertEquals("the classes 'a/b' and 'a:b' would both be written to the folder a_b (a character a folder name"
                + " cannot hold becomes _), and read back as one class; rename one of them", e.getMessage());
        Dataset t = new Dataset(Shape.of(1, 2, 2), new float[8], new int[] {0, 1}, List.of("x", "y"),
                new float[] {1, 0, 0, 1}, List.of("red;blue", "green"));
        e = assertThrows(IOException.class, () -> ImageFolderWriter.write(t, t, dir.resolve("t"), LoadListener.NONE));
        assertTrue(e.getMessage().startsWith("the tag 'red;blue' cannot be written to tags.csv and read back as it is"),
                e.getMessage());
        assertTrue(!Files.exists(dir.resolve("c")) && !Files.exists(dir.resolve("t")), "nothing written");
    }

    private static boolean sameWithin(float[] a, float[] b, float tolerance) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
