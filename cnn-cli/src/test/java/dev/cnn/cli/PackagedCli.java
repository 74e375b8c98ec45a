package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code cnn.jar} (with the pure-Java backend only) in a JVM of its own, as a user's shell would. */
final class PackagedCli {
    private PackagedCli() {
    }

    /** How a finished run ended: its exit code and its stdout and stderr together. */
    record Run(int exitCode, String output) {
    }

    /** Starts {@code cnn args...} in {@code dir}, stderr merged into stdout. */
    static Process start(Path dir, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", requiredFile("cnn.jar"), "dev.cnn.cli.Main"));
        command.addAll(args);
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    /** Runs {@code cnn args...} in {@code dir} to its end. */
    static Run run(Path dir, List<String> args) throws Exception {
        Process process = start(dir, args);
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "cnn " + String.join(" ", args) + " did not finish");
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    static String requiredFile(String property) {
        String path = System.getProperty(property);
        assertTrue(path != null && Files.isRegularFile(Path.of(path)),
                property + " = " + path + " is missing: run the build through the package phase (mvn verify)");
        return path;
    }
}
