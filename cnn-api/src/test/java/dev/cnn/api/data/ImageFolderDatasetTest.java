package dev.cnn.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.tensor.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderDatasetTest {
    @TempDir
    Path root;

    private void image(String path, int rgb, String format) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 6; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        ImageIO.write(image, format, file.toFile());
    }

    @Test
    void classesAreSortedFolderNamesAndImagesAreConverted() throws IOException {
        image("dogs/b.png", 0xFFFFFF, "png");
        image("dogs/a.PNG", 0x000000, "png");
        image("cats/only.jpg", 0xFFFFFF, "jpg");
        Files.writeString(root.resolve("cats/notes.txt"), "not an image");
        Files.createDirectories(root.resolve(".hidden"));
        Dataset d = ImageFolderDataset.load(root, Shape.of(1, 2, 3));
        assertEquals(List.of("cats", "dogs"), d.classNames());
        assertArrayEquals(new int[] {0, 1, 1}, d.labels());
        assertEquals(Shape.of(1, 2, 3), d.sampleShape());
        assertArrayEquals(new float[6], d.features(1), 0f);
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, d.features(2), 1e-6f);
        assertTrue(d.features(0)[0] > 0.95f, "JPEG white stays nearly white");
    }

    @Test
    void emptyOrMissingFoldersFailClearly() throws IOException {
        assertTrue(assertThrows(IOException.class, () -> ImageFolderDataset.load(root.resolve("nope"), Shape.of(1, 2, 2)))
                .getMessage().contains("is not a directory"));
        assertTrue(assertThrows(IOException.class, () -> ImageFolderDataset.load(root, Shape.of(1, 2, 2)))
                .getMessage().contains("holds no class folders"));
        Files.createDirectories(root.resolve("empty-class"));
        assertTrue(assertThrows(IOException.class, () -> ImageFolderDataset.load(root, Shape.of(1, 2, 2)))
                .getMessage().contains("holds no .png"));
    }

    @Test
    void aBrokenImageIsNamed() throws IOException {
        image("a/good.png", 0, "png");
        Files.write(root.resolve("a/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        IOException e = assertThrows(IOException.class, () -> ImageFolderDataset.load(root, Shape.of(3, 2, 2)));
        assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
    }
}
