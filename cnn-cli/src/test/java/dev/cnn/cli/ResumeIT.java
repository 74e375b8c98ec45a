package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backends;
import dev.cnn.api.model.Model;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user does: start a run of two epochs, stop it (the terminal closes, or Ctrl-C) while the second epoch trains,
 * and continue it with {@code --resume}. On the cpu backend the result must be bit-identical to the run that was never
 * stopped, and the stopped process must say what it kept and leave no temporary files.
 */
class ResumeIT {
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void writeData() throws Exception {
        data = SyntheticDigits.write(dir.resolve("digits"), 6000, 200, 28);
    }

    private static List<String> train(String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--backend", "cpu", "--dataset", data.toString()));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void aStoppedRunResumedEndsWithTheWeightsOfTheRunThatWasNeverStopped() throws Exception {
        Path straight = dir.resolve("straight.cnn");
        Path stopped = dir.resolve("stopped/run.cnn");
        List<String> plan = List.of("--model", "conv-3maps", "--epochs", "2", "--batch-size", "10", "--augment", "1",
                "--validation-split", "0.1", "--seed", "7");

        List<String> straightArgs = train(plan.toArray(String[]::new));
        straightArgs.addAll(List.of("--out", straight.toString()));
        PackagedCli.Run whole = PackagedCli.run(dir, straightArgs);
        assertEquals(0, whole.exitCode(), whole.output());

        List<String> stoppedArgs = train(plan.toArray(String[]::new));
        stoppedArgs.addAll(List.of("--out", stopped.toString()));
        Process process = PackagedCli.start(dir, stoppedArgs);
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("epoch 1/2:")) {
                    waitFor(stopped);
                    stop(process);
                }
            }
        }
        assertTrue(process.waitFor(1, TimeUnit.MINUTES));
        assertFalse(output.toString().contains("epoch 2/2:"), "epoch 2 ended before the run was stopped; make it longer:\n" + output);
        assertTrue(output.toString().contains("interrupted; " + stopped + " holds the run after epoch 1 of 2: continue it with"
                + " ./cnn train --resume " + stopped), output.toString());
        try (Stream<Path> files = Files.list(stopped.getParent())) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".tmp")).toList(), "temporary files left behind");
        }

        PackagedCli.Run resumed = PackagedCli.run(dir, train("--resume", stopped.toString()));
        assertEquals(0, resumed.exitCode(), resumed.output());
        assertTrue(resumed.output().contains("resuming after epoch 1 of 2"), resumed.output());
        assertTrue(resumed.output().contains("epoch 2/2:"), resumed.output());

        var cpu = Backends.select("cpu");
        var expected = Model.load(straight, cpu).network().parameters();
        var actual = Model.load(stopped, cpu).network().parameters();
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, p) -> assertArrayEquals(p.value().toArray(), actual.get(name).value().toArray(), 0f, name));
        assertEquals(lastLine(whole.output()), lastLine(resumed.output()), "the same test accuracy");
    }

    /**
     * Sends SIGTERM, as a closing terminal or {@code kill} does; the JVM's shutdown then runs as on Ctrl-C. Not SIGINT:
     * a shell without job control starts background jobs with SIGINT ignored, and {@link Process#destroy} would also
     * close the output we read.
     */
    private static void stop(Process process) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor());
    }

    private static void waitFor(Path checkpoint) throws InterruptedException {
        for (int i = 0; i < 200 && !Files.exists(checkpoint); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(checkpoint), "no checkpoint after epoch 1");
    }

    private static String lastLine(String output) {
        List<String> lines = output.lines().filter(l -> l.startsWith("test accuracy")).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Test
    void aRunStoppedWithinAnEpochResumesFromItsLastCheckpointExactly() throws Exception {
        Path straight = dir.resolve("within/straight.cnn");
        Path stopped = dir.resolve("within/stopped.cnn");
        List<String> plan = List.of("--model", "conv-3maps", "--epochs", "1", "--batch-size", "10", "--augment", "1",
                "--seed", "5");
        List<String> straightArgs = train(plan.toArray(String[]::new));
        straightArgs.addAll(List.of("--out", straight.toString()));
        assertEquals(0, PackagedCli.run(dir, straightArgs).exitCode());

        List<String> stoppedArgs = train(plan.toArray(String[]::new));
        stoppedArgs.addAll(List.of("--out", stopped.toString(), "--checkpoint-every", "100"));
        Process process = PackagedCli.start(dir, stoppedArgs);
        waitFor(stopped);
        stop(process);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES));
        assertFalse(output.contains("epoch 1/1:"), "the epoch ended before the run was stopped:\n" + output);
        assertTrue(output.matches("(?s).*interrupted; " + java.util.regex.Pattern.quote(stopped.toString())
                + " holds the run after batch \\d+00 of epoch 1 of 1: continue it.*"), output);

        PackagedCli.Run resumed = PackagedCli.run(dir, train("--resume", stopped.toString()));
        assertEquals(0, resumed.exitCode(), resumed.output());
        assertTrue(resumed.output().matches("(?s).*resuming after batch \\d+00 of epoch 1 of 1.*"), resumed.output());
        var cpu = Backends.select("cpu");
        var expected = Model.load(straight, cpu).network().parameters();
        var actual = Model.load(stopped, cpu).network().parameters();
        expected.forEach((name, p) -> assertArrayEquals(p.value().toArray(), actual.get(name).value().toArray(), 0f, name));
    }
}
