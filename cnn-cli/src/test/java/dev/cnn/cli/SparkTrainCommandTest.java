package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backends;
import dev.cnn.api.model.Model;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code cnn train --spark local[2]}: the same run, data-parallel on Spark in this JVM. */
class SparkTrainCommandTest {
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void writeDataset() throws Exception {
        data = SyntheticDigits.write(dir.resolve("squares"), 300, 100, 28);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void trainsOnSparkWithParameterAveragingAndLeavesACheckpoint() throws Exception {
        Path out = dir.resolve("spark/model.cnn");
        Cli.Result r = Cli.run("train", "--spark", "local[2]", "--average-every", "5", "--model", "conv-3maps",
                "--dataset", data.toString(), "--epochs", "1", "--batch-size", "10", "--lr", "0.01", "--backend", "cpu",
                "--out", out.toString()).succeeded();
        assertTrue(r.out().contains("training on Spark (local[2], parameter averaging every 5 steps): 300 images in 2"
                + " partitions, global batch 10, 30 steps per epoch"), r.out());
        assertTrue(r.outLines().stream().anyMatch(l -> l.matches("epoch 1/1: loss \\d+\\.\\d{4}, accuracy .* images/s,"
                + " exchange .* ms/step, .*")), r.out());
        assertTrue(r.lastLine().matches("test accuracy: \\d{1,3}\\.\\d\\d%"), r.lastLine());
        double accuracy = Double.parseDouble(r.lastLine().replaceAll("[^0-9.]", ""));
        assertTrue(accuracy > 50, "the squares are easy to tell apart: " + r.out());
        Model.Loaded saved = Model.loadWithState(out, Backends.select("cpu"));
        assertEquals(30, saved.optimizer().step(), "the model file is the run's last checkpoint");
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aLossGrowingByOrdersOfMagnitudeStopsSparkTrainingAsItStopsTrainingHere() {
        Cli.Result r = Cli.run("train", "--spark", "local[2]", "--model", "conv-3maps", "--dataset", data.toString(),
                "--epochs", "1", "--batch-size", "10", "--optimizer", "adam", "--lr", "1e4", "--backend", "cpu",
                "--out", dir.resolve("spark/diverged.cnn").toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.matches("error: the loss (grew from \\S+ to \\S+, more than 1000 times"
                + " its start: training diverged|became NaN) at step \\d+ \\(learning rate [^)]+\\); lower the learning"
                + " rate, check the inputs are normalised, and start again")), r.err());
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("test accuracy")), r.out());
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void theTaggerTrainsBothItsHeadsOnSpark() throws Exception {
        Path out = dir.resolve("spark/tagger.cnn");
        Cli.Result r = Cli.run("train", "--spark", "local[2]", "--model", "tagger", "--dataset", "shapes:120:40:16",
                "--epochs", "1", "--batch-size", "20", "--backend", "cpu", "--out", out.toString()).succeeded();
        assertTrue(r.out().contains("training on Spark (local[2], gradient averaging): 120 images in 2 partitions"),
                r.out());
        assertTrue(r.outLines().stream().anyMatch(l -> l.matches("test tags: macro F1 \\d\\.\\d{4}, mAP \\d\\.\\d{4},"
                + " exact match \\d{1,3}\\.\\d\\d% \\(thresholds 0.5 for every tag; no validation split to choose them"
                + " on\\)")), r.out());
        assertTrue(r.lastLine().matches("test accuracy: \\d{1,3}\\.\\d\\d%"), r.lastLine());
        Model saved = Model.load(out, Backends.select("cpu"));
        assertEquals(dev.cnn.datasets.ShapesSource.tagNames(), saved.tagHead().orElseThrow().labels());
    }

    @Test
    void aMasterNothingListensOnIsRefusedInSecondsWithOneLine() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "spark://127.0.0.1:" + port;
        long started = System.nanoTime();
        Cli.run("train", "--spark", url, "--model", "mlp", "--dataset", data.toString(), "--out",
                dir.resolve("spark/nowhere.cnn").toString()).failedWith(1, "error: --spark " + url + ": no Spark master"
                + " answers at 127.0.0.1:" + port + " (connection refused: nothing listens there); start the master"
                + " (sbin/start-master.sh prints its spark:// URL) and give that URL, or train in this JVM with --spark"
                + " local[N]");
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("--spark %s refused in %.2f s%n", url, seconds);
        assertTrue(seconds < 10, seconds + " s");
    }

    @Test
    void sparkRefusesWhatItCannotDoYet() {
        Cli.run("train", "--spark", "local[2]", "--model", "mlp", "--dataset", data.toString(), "--augment", "2")
                .failedWith(2, "--spark trains a new run of a --model preset");
    }
}
