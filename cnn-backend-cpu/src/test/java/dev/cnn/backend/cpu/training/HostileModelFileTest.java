package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.io.ModelFormatException;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.Sequential;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files that lie about their sizes or were damaged: each is refused with the documented {@link ModelFormatException},
 * quickly and without allocating more than a few megabytes.
 */
class HostileModelFileTest {
    private static final long MEGABYTE = 1 << 20;
    private final Backend cpu = Backends.select("cpu");

    @TempDir
    Path dir;

    private Path goodFile() throws Exception {
        Sequential network = Sequential.builder().setInputShape(Stripes.SHAPE)
                .add(Conv2D.of(3, 3), new ReLU(), new Flatten(), Dense.of(3)).optSeed(2).build(cpu);
        Path file = dir.resolve("good.cnn");
        new Model(network, Loss.SOFTMAX_CROSS_ENTROPY, java.util.List.of("a", "b", "c"), Normalization.identity()).save(file);
        return file;
    }

    private String refusal(Path file) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        ModelFormatException e = assertTimeout(Duration.ofSeconds(5),
                () -> assertThrows(ModelFormatException.class, () -> Model.load(file, cpu)));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 64 * MEGABYTE, "refusing " + file.getFileName() + " allocated " + allocated / MEGABYTE + " MB");
        return e.getMessage();
    }

    private Path edited(UnaryOperator<String> edit) throws Exception {
        return ModelFileSurgery.withModelJson(goodFile(), dir.resolve("edited.cnn"), edit);
    }

    @Test
    void aDenseLayerOfAMillionUnitsIsRefusedBeforeAnythingIsBuilt() throws Exception {
        String message = refusal(edited(json -> json.replaceAll("\"units\"\\s*:\\s*3", "\"units\":1000000")));
        assertTrue(message.contains("declares 162000003") || message.contains("parameters but the file holds only"), message);
    }

    @Test
    void unitsWhoseWeightCountOverflowsAnIntAreRefusedByTheLimit() throws Exception {
        String message = refusal(edited(json -> json.replaceAll("\"units\"\\s*:\\s*3", "\"units\":2000000000")));
        assertTrue(message.contains("more than the 250000000 allowed"), message);
    }

    @Test
    void paddingThatWouldWrapAroundAnIntIsRefused() throws Exception {
        String message = refusal(edited(json -> json.replaceAll("\"paddingHeight\"\\s*:\\s*0", "\"paddingHeight\":2147483000")));
        assertTrue(message.contains("not a valid model description"), message);
    }

    @Test
    void aModelJsonOfNullIsRefusedByName() throws Exception {
        String message = refusal(edited(json -> "null"));
        assertTrue(message.contains("model.json holds null"), message);
    }

    @Test
    void oneFlippedBitInTheWeightsIsCaught() throws Exception {
        Path good = goodFile();
        float[] weights = Model.load(good, cpu).network().parameters().values().iterator().next().value().toArray();
        String message = refusal(ModelFileSurgery.withFlippedBit(good, dir.resolve("rotten.cnn"), weights));
        assertTrue(message.contains("parameters/0.f32") && message.contains("damaged"), message);
    }
}
