package dev.cnn.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagsFileTest {
    @TempDir
    Path root;

    private Path csv(String... lines) throws IOException {
        Files.createDirectories(root.resolve("ball"));
        Files.write(root.resolve("ball/1.png"), new byte[] {1});
        Files.write(root.resolve("ball/2.png"), new byte[] {2});
        return Files.write(root.resolve(TagsFile.FILE_NAME), List.of(lines));
    }

    @Test
    void readsOneLinePerImage() throws IOException {
        TagsFile tags = TagsFile.read(csv("path,tags", "ball/1.png,red;round", "ball/2.png,blue"), root,
                LoadListener.NONE);
        assertEquals(List.of("blue", "red", "round"), tags.tagNames());
        assertEquals(2, tags.tagsByPath().size());
    }

    @Test
    void anImageListedTwiceIsRefusedNamingBothLines() throws IOException {
        Path file = csv("path,tags", "ball/1.png,red", "ball/2.png,blue", "ball/1.png,green");
        IOException e = assertThrows(IOException.class, () -> TagsFile.read(file, root, LoadListener.NONE));
        assertTrue(e.getMessage().contains("line 4: ball/1.png is listed again (first on line 2); give each image one"
                + " line"), e.getMessage());
    }

    @Test
    void aTagListedTwiceForAnImageIsRefusedNamingTheLine() throws IOException {
        Path file = csv("path,tags", "ball/1.png,red;round;red");
        IOException e = assertThrows(IOException.class, () -> TagsFile.read(file, root, LoadListener.NONE));
        assertEquals(file + " line 2: ball/1.png lists the tag 'red' twice; list each of its tags once", e.getMessage());
    }

    @Test
    void tagsThatAreTheSameTextInAnotherUnicodeEncodingAreRefused() throws IOException {
        Path file = csv("ball/1.png,caf\u00e9", "ball/2.png,cafe\u0301");
        IOException e = assertThrows(IOException.class, () -> TagsFile.read(file, root, LoadListener.NONE));
        assertTrue(e.getMessage().startsWith(file + ": the tags 'cafe\u0301' and 'caf\u00e9' differ only in how Unicode"
                + " encodes their letters"), e.getMessage());
    }

    @Test
    void quotedFieldsAndFormulaQuotesReadAsWritten() throws IOException {
        Files.createDirectories(root.resolve("a,\"b\""));
        Files.write(root.resolve("a,\"b\"/1.png"), new byte[] {1});
        Path file = csv("\"a,\"\"b\"\"/1.png\",'=cmd|' /C calc'!A0;-1", "ball/1.png,red");
        TagsFile tags = TagsFile.read(file, root, LoadListener.NONE);
        assertEquals(List.of("=cmd|' /C calc'!A0", "-1"), tags.tagsByPath().get("a,\"b\"/1.png"));
        assertEquals(List.of("-1", "=cmd|' /C calc'!A0", "red"), tags.tagNames());
    }

    @Test
    void aFileOfMegabytesWithoutALineBreakIsRefusedAtItsLimitNamingTheLine() throws IOException {
        Path file = csv("path,tags");
        try (var out = Files.newBufferedWriter(file, java.nio.file.StandardOpenOption.APPEND)) {
            String chunk = "ball/1.png;".repeat(1000);
            for (int i = 0; i < 800; i++) {
                out.write(chunk);
            }
        }
        assertTrue(Files.size(file) > 8_000_000, "8 MB on one line");
        long started = System.nanoTime();
        IOException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                () -> assertThrows(IOException.class, () -> TagsFile.read(file, root, LoadListener.NONE)));
        System.out.printf("refused an 8 MB line of tags.csv in %.0f ms%n", (System.nanoTime() - started) / 1e6);
        assertEquals(file + " line 2 is longer than the 65536 characters a line may have; a line of tags.csv names one"
                + " image and its tags: path,tag1;tag2", e.getMessage());
    }
}
