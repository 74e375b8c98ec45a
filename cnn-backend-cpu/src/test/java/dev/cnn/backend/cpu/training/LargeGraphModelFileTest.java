package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.io.ModelArchive;
import dev.cnn.api.io.ModelArchiveContents;
import dev.cnn.api.io.ModelFormatException;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.ModelLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files whose graph is a long chain of ReLU nodes (about 5 bytes a node once zipped): one over
 * {@link ModelLimits#maxNodes()} is refused by the count before a node is made, and one at the limit loads and predicts
 * in seconds, as does one of that many outputs each with a head. Finding nodes by name once scanned the node list
 * each time, and a chain of 200,000 took over 900 s.
 */
class LargeGraphModelFileTest {
    private final Backend cpu = Backends.select("cpu");

    @TempDir
    Path dir;

    /** A model file whose graph is {@code nodes} ReLUs in a chain from an input of 2 values, its one head on the last. */
    private Path chain(int nodes) throws IOException {
        StringBuilder json = new StringBuilder("{\"format\":\"cnn-model\",\"formatVersion\":2,\"graph\":{\"inputs\":"
                + "[{\"name\":\"image\",\"shape\":[2]}],\"nodes\":[");
        for (int i = 1; i <= nodes; i++) {
            json.append(i == 1 ? "" : ",").append("{\"name\":\"r").append(i).append("\",\"layer\":{\"type\":\"relu\"},")
                    .append("\"inputs\":[\"").append(i == 1 ? "image" : "r" + (i - 1)).append("\"]}");
        }
        json.append("],\"outputs\":[\"r").append(nodes).append("\"]},\"heads\":[{\"name\":\"r").append(nodes)
                .append("\",\"loss\":{\"type\":\"softmax_cross_entropy\"},\"weight\":1.0,\"labels\":[\"a\",\"b\"]}],")
                .append("\"preprocessing\":{\"mean\":0.0,\"std\":1.0}}");
        Path file = dir.resolve("chain-" + nodes + ".cnn");
        ModelArchive.write(file, new ModelArchiveContents(json.toString(), List.of()));
        return file;
    }

    /** A model file of {@code nodes} ReLUs of the input side by side, each an output with a head of its own. */
    private Path fan(int nodes) throws IOException {
        StringBuilder json = new StringBuilder("{\"format\":\"cnn-model\",\"formatVersion\":2,\"graph\":{\"inputs\":"
                + "[{\"name\":\"image\",\"shape\":[2]}],\"nodes\":[");
        for (int i = 1; i <= nodes; i++) {
            json.append(i == 1 ? "" : ",").append("{\"name\":\"r").append(i)
                    .append("\",\"layer\":{\"type\":\"relu\"},\"inputs\":[\"image\"]}");
        }
        json.append("],\"outputs\":[");
        for (int i = 1; i <= nodes; i++) {
            json.append(i == 1 ? "" : ",").append("\"r").append(i).append('"');
        }
        json.append("]},\"heads\":[");
        for (int i = 1; i <= nodes; i++) {
            json.append(i == 1 ? "" : ",").append("{\"name\":\"r").append(i)
                    .append("\",\"loss\":{\"type\":\"mean_squared_error\"},\"weight\":1.0,\"labels\":[]}");
        }
        json.append("],\"preprocessing\":{\"mean\":0.0,\"std\":1.0}}");
        Path file = dir.resolve("fan-" + nodes + ".cnn");
        ModelArchive.write(file, new ModelArchiveContents(json.toString(), List.of()));
        return file;
    }

    @Test
    void aChainOf200000NodesIsRefusedByTheNodeLimitInSeconds() throws Exception {
        Path file = chain(200_000);
        ModelFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ModelFormatException.class, () -> Model.load(file, cpu)));
        assertEquals(file + ": the architecture has 200,000 nodes, more than the 100,000 allowed"
                + " (ModelLimits.maxNodes)", e.getMessage());
    }

    @Test
    void aChainAtTheNodeLimitLoadsAndPredictsInSeconds() throws Exception {
        Path file = chain(ModelLimits.DEFAULT.maxNodes());
        float[][] probabilities = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            return Model.load(file, cpu).predictProbabilities(new float[] {3, -3}, 1);
        });
        float e3 = (float) Math.exp(3);
        assertArrayEquals(new float[] {e3 / (1 + e3), 1 / (1 + e3)}, probabilities[0], 1e-6f);
    }

    /** Each head was looked up in the list of outputs, twice: 35 s for 100,000 heads. */
    @Test
    void aGraphOf100000OutputsEachWithAHeadLoadsInSeconds() throws Exception {
        Path file = fan(ModelLimits.DEFAULT.maxNodes());
        Model model = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Model.load(file, cpu));
        assertEquals(ModelLimits.DEFAULT.maxNodes(), model.heads().size());
        assertArrayEquals(new float[] {0, 2}, model.predict(new float[] {-1, 2}, 1).get("r100000")[0]);
    }
}
