package dev.cnn.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainMnistTest {
    @Test
    void trainsEvaluatesSavesLoadsAndPredicts(@TempDir Path dir) throws Exception {
        String out = ProgramOutput.of(() -> TrainMnist.main(new String[] {"6000", "1", dir.toString()}));
        assertTrue(out.contains("conv"), out);
        double accuracy = ProgramOutput.percentAfter(out, "test accuracy:");
        assertTrue(accuracy > 90, "6,000 images for one epoch reach above 90%, got " + accuracy);
        assertTrue(out.contains("test image 0 (a 7): "), out);
        assertTrue(Files.size(dir.resolve("mnist.cnn")) > 10_000);
        assertTrue(Files.size(dir.resolve("mnist-confusion.png")) > 1_000);
    }
}
