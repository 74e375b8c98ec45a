package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files whose arrays really hold gigabytes (of zeros, a few megabytes once deflated) that the model has no use
 * for: an extra array of 499 million floats, optimizer state far beyond what the optimizer keeps, an architecture over
 * the parameter limit. Each is refused from the sizes its indexes declare, before any array is read: in milliseconds
 * and a few megabytes, where reading the arrays first took 25.8 s and 4.2 GB.
 */
class DeclaredSizeModelFileTest {
    private static final long MEGABYTE = 1 << 20;
    private static final long EXTRA_FLOATS = 499_000_000L;
    private final Backend cpu = Backends.select("cpu");

    @TempDir
    Path dir;

    /** A dense layer from 4 inputs to {@code units}, with an optimizer's settings when {@code optimizer} is not null. */
    private static String modelJson(int inputs, int units, String optimizer) {
        return "{\"format\":\"cnn-model\",\"formatVersion\":2,\"graph\":{\"inputs\":[{\"name\":\"image\",\"shape\":["
                + inputs + "]}],\"nodes\":[{\"name\":\"d\",\"layer\":{\"type\":\"dense\",\"units\":" + units
                + ",\"useBias\":true},\"inputs\":[\"image\"]}],\"outputs\":[\"d\"]},\"heads\":[{\"name\":\"d\",\"loss\":{\"type\":"
                + "\"mean_squared_error\"},\"weight\":1.0,\"labels\":[]}],\"preprocessing\":{\"mean\":0.0,\"std\":1.0}"
                + (optimizer == null ? "" : ",\"optimizer\":" + optimizer + ",\"optimizerSteps\":1") + "}";
    }

    private static String index(String... arrays) {
        return "{\"format\":1,\"arrays\":[" + String.join(",", arrays) + "]}";
    }

    private static String array(String name, String shape, String entry) {
        return "{\"name\":\"" + name + "\",\"shape\":" + shape + ",\"entry\":\"" + entry + "\"}";
    }

    /** The file holds what it declares: the entry inflates to {@code bytes}, so reading it first would read all that. */
    private static void assertHolds(Path file, String entry, long bytes) throws Exception {
        assertTrue(Files.size(file) < 16 * MEGABYTE, Files.size(file) + " bytes");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertEquals(bytes, zip.getEntry(entry).getSize());
        }
    }

    @Test
    void theSameFileWithoutTheExtraArrayLoads() throws Exception {
        Path file = new ZipOfZeros().text("model.json", modelJson(4, 2, null))
                .text("parameters.json", index(array("d.weight", "[4,2]", "parameters/0.f32"),
                        array("d.bias", "[2]", "parameters/1.f32")))
                .zeros("parameters/0.f32", 32).zeros("parameters/1.f32", 8).write(dir.resolve("whole.cnn"));
        assertEquals(0f, Model.load(file, cpu).predict(new float[] {1, 2, 3, 4}, 1).get("d")[0][1]);
    }

    @Test
    void anExtraArrayOf499MillionFloatsIsRefusedByItsDeclaredSizeBeforeAnyArrayIsRead() throws Exception {
        Path file = new ZipOfZeros().text("model.json", modelJson(4, 2, null))
                .text("parameters.json", index(array("d.weight", "[4,2]", "parameters/0.f32"),
                        array("d.bias", "[2]", "parameters/1.f32"), array("junk", "[" + EXTRA_FLOATS + "]",
                                "parameters/2.f32")))
                .zeros("parameters/0.f32", 32).zeros("parameters/1.f32", 8).zeros("parameters/2.f32", 4 * EXTRA_FLOATS)
                .write(dir.resolve("extra.cnn"));
        assertHolds(file, "parameters/2.f32", 4 * EXTRA_FLOATS);
        assertEquals(file + ": parameters.json declares 499,000,010 values in 3 arrays, more than the 10 parameters of"
                + " the architecture; the file is damaged or was edited", QuickRefusal.of(file, cpu));
    }

    @Test
    void optimizerStateBeyondWhatTheOptimizerKeepsIsRefusedByItsDeclaredSize() throws Exception {
        String sgd = "{\"type\":\"sgd\",\"learningRate\":0.1,\"momentum\":0.9}";
        Path file = new ZipOfZeros().text("model.json", modelJson(4, 2, sgd))
                .text("parameters.json", index(array("d.weight", "[4,2]", "parameters/0.f32"),
                        array("d.bias", "[2]", "parameters/1.f32")))
                .text("optimizer/state.json", index(array("d.weight#velocity", "[" + EXTRA_FLOATS + "]",
                        "optimizer/0.f32")))
                .zeros("parameters/0.f32", 32).zeros("parameters/1.f32", 8).zeros("optimizer/0.f32", 4 * EXTRA_FLOATS)
                .write(dir.resolve("state.cnn"));
        assertHolds(file, "optimizer/0.f32", 4 * EXTRA_FLOATS);
        assertEquals(file + ": optimizer/state.json declares 499,000,000 values in 1 array, more than the 10 the"
                + " optimizer keeps for 10 parameters (1 per parameter); the file is damaged or was edited", QuickRefusal.of(file, cpu));
    }

    @Test
    void anArchitectureOverTheParameterLimitIsRefusedBeforeItsArraysAreRead() throws Exception {
        int inputs = 1_300;
        int units = 200_000;
        long weights = (long) inputs * units;
        Path file = new ZipOfZeros().text("model.json", modelJson(inputs, units, null))
                .text("parameters.json", index(array("d.weight", "[" + inputs + "," + units + "]", "parameters/0.f32"),
                        array("d.bias", "[" + units + "]", "parameters/1.f32")))
                .zeros("parameters/0.f32", 4 * weights).zeros("parameters/1.f32", 4L * units)
                .write(dir.resolve("over.cnn"));
        assertHolds(file, "parameters/0.f32", 4 * weights);
        assertEquals(file + ": the architecture declares 260200000 parameters, more than the 250000000 allowed"
                + " (ModelLimits)", QuickRefusal.of(file, cpu));
    }
}
