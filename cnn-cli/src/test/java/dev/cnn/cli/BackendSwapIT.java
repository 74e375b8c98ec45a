package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding a backend is adding a jar: the packaged {@code cnn.jar} runs in separate JVMs, once alone (only the pure-Java
 * backend inside it) and once with the ND4J backend's jars added (found, available, and ranked below the faster
 * pure-Java backend, which stays the default). No code changes between the two.
 */
class BackendSwapIT {
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void writeData() throws IOException {
        data = SyntheticDigits.write(dir.resolve("digits"), 300, 100, 28);
    }

    @Test
    void theDefaultBackendFollowsTheClasspath() throws Exception {
        Run alone = cnn(false, "backends");
        assertEquals(0, alone.exitCode, alone.output);
        assertTrue(alone.output.contains("default: cpu"), alone.output);
        assertTrue(!alone.output.contains("nd4j"), alone.output);

        Run withNd4j = cnn(true, "backends");
        assertEquals(0, withNd4j.exitCode, withNd4j.output);
        assertTrue(withNd4j.output.contains("default: cpu (the available one with the highest priority"), withNd4j.output);
        assertTrue(withNd4j.output.matches("(?s).*\\nnd4j +10 +available\\n.*"), withNd4j.output);
        assertTrue(withNd4j.output.contains("\nnd4j is best for "), withNd4j.output);
    }

    @Test
    void eachBackendTrainsAndAModelSavedOnOneLoadsOnTheOtherWithTheSamePredictions() throws Exception {
        Path cpuModel = dir.resolve("cpu.cnn");
        Path nd4jModel = dir.resolve("nd4j.cnn");
        for (var entry : List.of(new Object[] {false, cpuModel}, new Object[] {true, nd4jModel})) {
            Run train = cnn((Boolean) entry[0], "train", "--model", "conv-3maps", "--dataset", data.toString(),
                    "--epochs", "1", "--batch-size", "32", "--out", entry[1].toString(), "--backend",
                    (Boolean) entry[0] ? "nd4j" : "cpu");
            assertEquals(0, train.exitCode, train.output);
            assertTrue(train.output.lines().anyMatch(l -> l.matches("test accuracy: \\d+\\.\\d\\d%")), train.output);
        }
        for (Path model : List.of(cpuModel, nd4jModel)) {
            String[] predict = {"predict", "--model-file", model.toString(), "--dataset", data.toString(), "--index", "0..9"};
            Run onCpu = cnn(false, predict);
            Run onNd4j = cnn(true, concat(predict, "--backend", "nd4j"));
            assertEquals(0, onCpu.exitCode, onCpu.output);
            assertEquals(0, onNd4j.exitCode, onNd4j.output);
            assertEquals(predictions(onCpu.output), predictions(onNd4j.output), "predictions of " + model + " differ between backends");
            assertEquals(10, predictions(onCpu.output).size(), onCpu.output);
        }
    }

    private static List<String> predictions(String output) {
        return output.lines().filter(l -> l.contains("%") && l.contains("#")).collect(Collectors.toList());
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private record Run(int exitCode, String output) {
    }

    private static Run cnn(boolean withNd4j, String... args) throws Exception {
        List<String> classpath = new ArrayList<>(List.of(PackagedCli.requiredFile("cnn.jar")));
        if (withNd4j) {
            classpath.add(PackagedCli.requiredFile("cnn.nd4j.jar"));
            classpath.add(Files.readString(Path.of(PackagedCli.requiredFile("cnn.nd4j.classpath"))).strip());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-Dcnn.nd4j.threads=1", "-cp", String.join(File.pathSeparator, classpath), "dev.cnn.cli.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "cnn " + String.join(" ", args) + " did not finish");
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
