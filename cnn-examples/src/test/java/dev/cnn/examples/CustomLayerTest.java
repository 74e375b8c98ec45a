package dev.cnn.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomLayerTest {
    @Test
    void theSwishLayerPassesItsGradientCheckTrainsSavesAndLoads(@TempDir Path dir) throws Exception {
        String out = ProgramOutput.of(() -> CustomLayer.main(new String[] {"3000", dir.toString()}));
        double trained = ProgramOutput.percentAfter(out, "test accuracy with Swish:");
        assertTrue(trained > 80, "got " + trained);
        assertEquals(trained, ProgramOutput.percentAfter(out, "after saving and loading swish.cnn:"),
                "the loaded model scores the same");
    }
}
