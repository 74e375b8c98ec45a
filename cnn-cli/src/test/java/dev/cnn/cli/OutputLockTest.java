package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs never write one model file: the second refuses at once, naming the output and the run that holds it, and
 * the lock (an operating-system lock on {@code FILE.lock}) goes with the run however it ends, so that a lock file left
 * by a killed run blocks nothing.
 */
class OutputLockTest {
    private static final Duration QUICKLY = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void writeData() throws Exception {
        data = SyntheticDigits.write(dir.resolve("squares"), 200, 50, 28);
    }

    private static String held(Path output, String option) {
        return output + " is being written by another run (process " + ProcessHandle.current().pid() + " holds "
                + output + ".lock); wait for that run to finish, or give this one another " + option;
    }

    private static Cli.Result train(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--model", "mlp", "--dataset", data.toString(), "--epochs",
                "1", "--out", out.toString()));
        args.addAll(List.of(more));
        return assertTimeoutPreemptively(QUICKLY, () -> Cli.run(args.toArray(String[]::new)));
    }

    @Test
    void aSecondTrainingOnTheSameOutputIsRefusedAtOnce() {
        Path out = dir.resolve("shared.cnn");
        try (OutputLock first = OutputLock.acquire(out, "--out")) {
            Cli.Result second = train(out).failedWith(1, held(out, "--out"));
            assertFalse(second.out().contains("training mlp"), second.out());
            assertFalse(Files.exists(out), "the refused run wrote nothing");
        }
        train(out).succeeded();
        assertFalse(Files.exists(OutputLock.lockFileOf(out)), "the lock file goes with the run");
    }

    @Test
    void aRunInAnotherProcessIsRefusedWhileThisOneHoldsTheLock() throws Exception {
        Path out = dir.resolve("other-process.cnn");
        Path lockFile = OutputLock.lockFileOf(out);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            assertNotNull(lock);
            channel.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + " test\n")
                    .getBytes(StandardCharsets.UTF_8)));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.cnn.cli.Main", "train", "--model", "mlp",
                    "--dataset", data.toString(), "--epochs", "1", "--out", out.toString()));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the second run should stop at once");
            assertEquals(1, child.exitValue(), output);
            assertTrue(output.contains("error: " + held(out, "--out")), output);
            assertFalse(output.contains("model: "), output);
        }
    }

    @Test
    void aLockFileLeftByAKilledRunBlocksNothing() throws Exception {
        Path out = dir.resolve("after-kill.cnn");
        Files.writeString(OutputLock.lockFileOf(out), "process 2147483 left by kill -9\n");
        Cli.Result r = train(out).succeeded();
        assertTrue(r.out().contains("model: " + out), r.out());
        assertFalse(Files.exists(OutputLock.lockFileOf(out)));
    }

    @Test
    void theLockIsReleasedWhenTheRunFails() throws Exception {
        Path out = dir.resolve("failing.cnn");
        train(out, "--validation-split", "0.999").failedWith(1, "--validation-split: a split of 0.999 leaves no images");
        try (FileChannel channel = FileChannel.open(OutputLock.lockFileOf(out), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            assertNotNull(lock, "the failed run still holds the lock");
        }
        Files.delete(OutputLock.lockFileOf(out));
        train(out).succeeded();
    }

    @Test
    void everyCommandThatWritesAModelLocksIt() {
        Path demo = dir.resolve("demo");
        Path tagger = dir.resolve("demo-tagger");
        Path compare = dir.resolve("compare");
        Path spark = dir.resolve("spark.cnn");
        try (OutputLock a = OutputLock.acquire(demo.resolve("model.cnn"), "--out-dir");
             OutputLock b = OutputLock.acquire(tagger.resolve("tagger.cnn"), "--out-dir");
             OutputLock c = OutputLock.acquire(compare.resolve("mlp.cnn"), "--out");
             OutputLock d = OutputLock.acquire(spark, "--out")) {
            assertTimeoutPreemptively(QUICKLY, () -> Cli.run("demo", "--out-dir", demo.toString()))
                    .failedWith(1, held(demo.resolve("model.cnn"), "--out-dir"));
            assertTimeoutPreemptively(QUICKLY, () -> Cli.run("demo", "tagger", "--out-dir", tagger.toString()))
                    .failedWith(1, held(tagger.resolve("tagger.cnn"), "--out-dir"));
            assertTimeoutPreemptively(QUICKLY, () -> Cli.run("compare", "--models", "mlp", "--dataset", data.toString(),
                    "--out", compare.toString())).failedWith(1, held(compare.resolve("mlp.cnn"), "--out"));
            assertTimeoutPreemptively(QUICKLY, () -> Cli.run("train", "--spark", "local[1]", "--model", "mlp",
                    "--dataset", data.toString(), "--out", spark.toString())).failedWith(1, held(spark, "--out"));
        }
    }
}
