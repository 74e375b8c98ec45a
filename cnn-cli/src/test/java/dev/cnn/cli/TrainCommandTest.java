package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.viz.TrainingChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void writeDataset() throws Exception {
        data = SyntheticDigits.write(dir.resolve("squares"), 300, 100, 28);
    }

    @Test
    void trainsPrintsEpochsAndEndsWithTheTestAccuracy() throws Exception {
        Path model = dir.resolve("run1/model.cnn");
        Cli.Result r = Cli.run("train", "--model", "conv-3maps", "--dataset", data.toString(), "--epochs", "1",
                "--batch-size", "10", "--lr", "0.01", "--out", model.toString()).succeeded();
        assertTrue(r.lastLine().matches("test accuracy: \\d{1,3}\\.\\d\\d%"), r.lastLine());
        List<String> epochLines = r.outLines().stream().filter(l -> l.startsWith("epoch ")).toList();
        assertEquals(1, epochLines.size(), r.out());
        assertTrue(epochLines.get(0).matches("epoch 1/1: loss \\d+\\.\\d{4}, train accuracy \\d+\\.\\d\\d%, test accuracy"
                + " \\d+\\.\\d\\d%, [\\d,]+ images/s, \\d+\\.\\d s"), epochLines.get(0));
        assertTrue(r.err().contains("epoch 1/1 batch 30/30  loss"), "progress lines on stderr:\n" + r.err());
        assertTrue(r.err().contains("ETA"), r.err());
        assertTrue(Files.size(model) > 0);
        Cli.assertPng(dir.resolve("run1/model-training.png"), TrainingChart.WIDTH, TrainingChart.HEIGHT);
        double accuracy = Double.parseDouble(r.lastLine().replaceAll("[^0-9.]", ""));
        assertTrue(accuracy > 50, "the squares are easy to tell apart: " + r.out());
    }

    @Test
    void aGraphPresetTrainsSavesAndIsReadBackByEvalSummaryAndVisualize() throws Exception {
        Path model = dir.resolve("run-resnet/model.cnn");
        Cli.Result r = Cli.run("train", "--model", "resnet-small", "--dataset", data.toString(), "--epochs", "1",
                "--batch-size", "20", "--lr", "0.01", "--out", model.toString()).succeeded();
        assertTrue(r.lastLine().startsWith("test accuracy: "), r.out());
        Cli.Result summary = Cli.run("summary", "--model", model.toString()).succeeded();
        assertTrue(summary.out().contains("block3_add") && summary.out().contains("block3_project_bn, block3_bn2"),
                summary.out());
        Cli.Result eval = Cli.run("eval", "--model-file", model.toString(), "--dataset", data.toString()).succeeded();
        assertTrue(eval.out().contains("accuracy: "), eval.out());
        Cli.run("visualize", "--model-file", model.toString(), "--dataset", data.toString(), "--index", "0",
                "--node", "block1_add").succeeded();
        assertTrue(Files.size(dir.resolve("run-resnet/model-visualize/feature-maps.png")) > 0);
    }

    @Test
    void validationSplitAugmentationAndOtherOptimizers() throws Exception {
        Path model = dir.resolve("run2/m.cnn");
        Cli.Result r = Cli.run("train", "--model", "mlp", "--dataset", data.toString(), "--epochs", "2",
                "--batch-size", "32", "--optimizer", "sgd", "--lr", "0.05", "--schedule", "step", "--seed", "3",
                "--validation-split", "0.2", "--augment", "--out", model.toString()).succeeded();
        assertTrue(r.out().contains("epoch 2/2: "), r.out());
        assertTrue(r.out().contains("validation accuracy"), r.out());
        assertTrue(r.out().contains("(240 training images") || r.out().contains("300 training images"), r.out());
        assertTrue(r.lastLine().startsWith("test accuracy: "), r.out());
        Cli.assertPng(dir.resolve("run2/m-training.png"), TrainingChart.WIDTH, TrainingChart.HEIGHT);
    }

    @Test
    void defaultOutputGoesUnderRuns() {
        Cli.Result r = Cli.run("train", "--help").succeeded();
        assertTrue(r.out().contains("runs/PRESET-DATASET.cnn"), r.out());
    }

    @Test
    void badValuesAreUsageErrors() {
        String d = data.toString();
        Cli.run("train", "--dataset", d).failedWith(2, "--model PRESET");
        Cli.run("train", "--model", "vgg-1000", "--dataset", d).failedWith(2, "unknown model preset 'vgg-1000'");
        Cli.run("train", "--model", "mlp", "--dataset", d, "--optimizer", "lbfgs").failedWith(2, "unknown optimizer 'lbfgs'");
        Cli.run("train", "--model", "mlp", "--dataset", d, "--schedule", "linear").failedWith(2, "unknown schedule 'linear'");
        Cli.run("train", "--model", "mlp", "--dataset", d, "--lr", "-1").failedWith(2, "--lr must be a positive number");
        Cli.run("train", "--model", "mlp", "--dataset", d, "--epochs", "0").failedWith(2, "--epochs must be at least 1");
        Cli.run("train", "--model", "mlp", "--dataset", d, "--validation-split", "1.5").failedWith(2, "--validation-split");
        Cli.run("train", "--model", "mlp").failedWith(2, "--dataset");
    }

    @Test
    void missingDatasetDirectoryFails() {
        Cli.run("train", "--model", "mlp", "--dataset", dir.resolve("nowhere").toString())
                .failedWith(1, "is neither a known dataset");
    }

    @Test
    void directoryWithoutIdxFilesFails() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Cli.run("train", "--model", "mlp", "--dataset", empty.toString()).failedWith(1, "holds neither the four IDX files");
    }

    @Test
    void imagesTooSmallForThePresetFail() throws Exception {
        Path tiny = SyntheticDigits.write(dir.resolve("tiny"), 20, 10, 8);
        Cli.run("train", "--model", "conv-20-40", "--dataset", tiny.toString(), "--out", dir.resolve("t.cnn").toString())
                .failedWith(1, "does not fit input");
    }

    @Test
    void verboseShowsTheStackTrace() {
        Cli.Result r = Cli.run("train", "--model", "mlp", "--dataset", dir.resolve("nowhere").toString(), "--verbose");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains("\tat "), r.err());
    }
}
