package dev.cnn.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.data.Dataset;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File and folder names that are not text in Java's locale: bytes that are not UTF-8 in any locale, and UTF-8 names
 * such as {@code café} in the C locale, where Java's file names are ASCII. Images are read by the bytes of their names
 * whatever the locale; a class folder whose name is not UTF-8 is refused, named; nothing is left out silently.
 */
class FileNameBytesTest {
    @TempDir
    Path root;

    private final RecordingListener listener = new RecordingListener();

    /** {@code root/escaped}, where {@code escaped} is a file URI path whose {@code %XX} are raw bytes of the name. */
    private Path raw(String escaped) {
        return Path.of(URI.create(root.toUri() + escaped));
    }

    private ImageFolderSource source() {
        return new ImageFolderSource(root, ImageFolderOptions.defaults().withChannels(3).withSize(4, 4).withThreads(2),
                listener);
    }

    @Test
    void imagesWhoseNamesAreNotUtf8AreReadByTheirBytes() throws IOException {
        TestImages.rgb(raw("cat/caf%E9.png"), 5, 5, 0xFF0000, "png");
        TestImages.rgb(raw("cat/%FF%FE.png"), 5, 5, 0xFF0000, "png");
        TestImages.rgb(root.resolve("cat/plain.png"), 5, 5, 0xFF0000, "png");
        for (String name : List.of("a", "b", "c")) {
            TestImages.rgb(root.resolve("dog/" + name + ".png"), 5, 5, 0x0000FF, "png");
        }
        ImageFolderSource source = source();
        Dataset train = source.train();
        Dataset test = source.test();
        assertEquals(List.of("cat", "dog"), train.classNames());
        assertEquals(6, train.size() + test.size(), listener.skipped.toString());
        assertEquals(0, source.skippedFiles(), listener.skipped.toString());
        assertEquals(1f, train.features(0)[0], 1e-6f, "the first cat is red");
    }

    @Test
    void aClassFolderNamedWithBytesThatAreNotUtf8IsRefusedNamingItWithTheBytesEscaped() throws IOException {
        TestImages.rgb(root.resolve("cat/1.png"), 5, 5, 0xFF0000, "png");
        TestImages.rgb(raw("d%F6g/1.png"), 5, 5, 0x0000FF, "png");
        TestImages.rgb(raw("d%F6g/2.png"), 5, 5, 0x0000FF, "png");
        IOException e = assertThrows(IOException.class, () -> source().train());
        assertEquals("the class folder " + root.toAbsolutePath() + "/d\\xF6g has a name that is not UTF-8 text (the bytes"
                + " that are not are shown as \\xNN), so it cannot name a class; rename it with a UTF-8 name", e.getMessage());
    }

    @Test
    void inTheCLocaleUtf8NamesLoadAsInAUtf8LocaleWithTheSameClassesAndSplit() throws Exception {
        for (String name : List.of("%C3%A9t%C3%A9", "hiver", "%E6%98%A5", "x")) {
            TestImages.rgb(raw("caf%C3%A9/" + name + ".png"), 5, 5, name.length() * 0x0F0F0F, "png");
            TestImages.rgb(raw("dog/" + name + ".png"), 5, 5, 0x0000FF - name.length(), "png");
        }
        TestImages.rgb(raw("dog/caf%E9.png"), 5, 5, 0x00FF00, "png");
        ChildJvm.Result utf8 = ChildJvm.loadFolder(List.of(), Map.of("LANG", "C.UTF-8"), root.toUri().toString(), "2", "4");
        ChildJvm.Result c = ChildJvm.loadFolder(List.of(), Map.of("LANG", "C", "LC_ALL", "C"), root.toUri().toString(),
                "2", "4");
        assertTrue(c.output().startsWith("sun.jnu.encoding=ANSI_X3.4-1968"), "the child runs with ASCII file names: "
                + c.output());
        for (ChildJvm.Result run : List.of(utf8, c)) {
            assertEquals(0, run.exitCode(), run.output());
            assertTrue(run.output().contains("train [café, dog] 7 images"), run.output());
            assertTrue(run.output().contains("skipped 0"), run.output());
        }
        assertEquals(utf8.output().lines().skip(1).toList(), c.output().lines().skip(1).toList(),
                "the same classes, split and pixels in both locales");
    }

    @Test
    void twoClassFoldersThatAreTheSameTextInAnotherUnicodeEncodingAreRefused() throws IOException {
        TestImages.rgb(raw("caf%C3%A9/1.png"), 5, 5, 0xFF0000, "png");
        TestImages.rgb(raw("cafe%CC%81/1.png"), 5, 5, 0x0000FF, "png");
        IOException e = assertThrows(IOException.class, () -> source().train());
        assertEquals("the class folders " + root + "/cafe\u0301 and caf\u00e9 have names that differ only in how Unicode"
                + " encodes their letters (composed or not), so they would show as one class; move the images of one"
                + " into the other", e.getMessage());
    }
}
