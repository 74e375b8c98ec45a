package dev.cnn.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
}
