package dev.cnn.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.datasets.ImageFolderWriter;
import dev.cnn.datasets.LoadListener;
import dev.cnn.datasets.ShapesSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderOfImagesTest {
    @Test
    void trainsOnAFolderOfColourPngFiles(@TempDir Path dir) throws Exception {
        ShapesSource shapes = new ShapesSource(1200, 150, 32, 32, 3, LoadListener.NONE);
        Path images = dir.resolve("shapes");
        ImageFolderWriter.write(shapes.train(), shapes.test(), images, LoadListener.NONE);
        String out = ProgramOutput.of(() -> FolderOfImages.main(new String[] {images.toString(), "6", dir.toString()}));
        assertTrue(out.contains("1200 training and 150 test images"), out);
        assertTrue(out.matches("(?s).*normalisation \\(x - \\[[0-9.]+, [0-9.]+, [0-9.]+]\\).*"), "per channel: " + out);
        double accuracy = ProgramOutput.percentAfter(out, "test accuracy:");
        double chance = 100.0 / ShapesSource.classNames().size();
        assertTrue(accuracy > 2 * chance, "well above chance (" + chance + "%), got " + accuracy);
        assertTrue(Files.size(dir.resolve("folder-predictions.png")) > 1_000);
    }
}
