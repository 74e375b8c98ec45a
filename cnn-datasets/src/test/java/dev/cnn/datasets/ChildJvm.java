package dev.cnn.datasets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link LoadFolderMain} in a JVM of its own, with JVM options (such as a small {@code -Xmx}) and environment
 * variables (such as {@code LANG=C}, which Java reads once, at start) that a test cannot give its own JVM.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /** How a run ended: its exit code and its stdout and stderr together. */
    record Result(int exitCode, String output) {
    }

    static Result loadFolder(List<String> jvmOptions, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LoadFolderMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.startsWith("JAVA_TOOL"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the child JVM did not finish");
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
