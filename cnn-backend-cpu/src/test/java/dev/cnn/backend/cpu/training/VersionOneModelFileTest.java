package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file written by the code before the graph network (format version 1, a sequential list of layers, made by
 * {@code models/MakeV1.java.txt} on commit 0cba221: 3,000 MNIST images, one epoch, saved with Adam's state) still
 * loads and predicts what it predicted then.
 */
class VersionOneModelFileTest {
    private final Backend cpu = Backends.select("cpu");

    @TempDir
    Path dir;

    @Test
    void versionOneFileLoadsAndPredictsAsWhenItWasSaved() throws Exception {
        Path file = dir.resolve("v1.cnn");
        try (InputStream in = getClass().getResourceAsStream("/models/v1-sequential.cnn")) {
            Files.copy(in, file);
        }
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/models/v1-sequential-expected.json")) {
            expected = new ObjectMapper().readTree(in);
        }
        Model.Loaded loaded = Model.loadWithState(file, cpu);
        Model model = loaded.model();
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), model.classNames());
        assertEquals(new Normalization(0.1307, 0.3081), model.preprocessing());
        assertEquals(3_984, model.network().parameters().values().stream().mapToLong(p -> p.shape().size()).sum());
        assertEquals(94, loaded.optimizer().step());
        int correct = 0;
        for (JsonNode image : expected.get("images")) {
            float[] pixels = floats(image.get("pixels"));
            float[] want = floats(image.get("probabilities"));
            float[] got = model.predictProbabilities(pixels, 1)[0];
            assertEquals(want.length, got.length);
            for (int c = 0; c < want.length; c++) {
                assertEquals(want[c], got[c], 1e-5, "class " + c + " of the image labelled " + image.get("label"));
            }
            int best = 0;
            for (int c = 1; c < got.length; c++) {
                best = got[c] > got[best] ? c : best;
            }
            correct += best == image.get("label").intValue() ? 1 : 0;
        }
        assertEquals(4, correct, "the saved model classified all four images right");
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).doubleValue();
        }
        return out;
    }
}
