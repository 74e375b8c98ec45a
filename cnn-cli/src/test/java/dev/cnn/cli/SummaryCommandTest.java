package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCommandTest {

    @Test
    void presetTableHasShapesAndParameterCounts() {
        Cli.Result r = Cli.run("summary", "--model", "conv-20-40").succeeded();
        assertTrue(r.out().contains("[20, 24, 24]"), r.out());
        assertTrue(r.out().contains("max_pool2d"), r.out());
        assertTrue(r.out().contains("total parameters: 85,670"), r.out());
    }

    @Test
    void aGraphPresetShowsEachNodesInputs() {
        Cli.Result r = Cli.run("summary", "--model", "resnet-small").succeeded();
        assertTrue(r.out().matches("(?s).*block1_add\\s+add\\s+stem_relu, block1_bn2\\s+\\[16, 28, 28].*"), r.out());
        assertTrue(r.out().matches("(?s).*block2_add\\s+add\\s+block2_project_bn, block2_bn2\\s+\\[32, 14, 14].*"),
                r.out());
        assertTrue(r.out().contains("total parameters: 78,426") && r.out().contains("outputs: logits"), r.out());
    }

    @Test
    void presetForColourImages() {
        Cli.Result r = Cli.run("summary", "--model", "conv-3maps", "--input-shape", "3,32,32", "--classes", "4").succeeded();
        assertTrue(r.out().contains("[3, 28, 28]"), r.out());
    }

    @Test
    void modelFileTable(@TempDir Path dir) throws Exception {
        Path data = SyntheticDigits.write(dir.resolve("data"), 100, 20, 28);
        Path model = dir.resolve("m.cnn");
        Cli.run("train", "--model", "mlp", "--dataset", data.toString(), "--epochs", "1", "--out", model.toString()).succeeded();
        Cli.Result r = Cli.run("summary", "--model", model.toString()).succeeded();
        assertTrue(r.out().contains("model file " + model + ": input [1, 28, 28], 10 classes"), r.out());
        assertTrue(r.out().contains("total parameters: 79,510"), r.out());
    }

    @Test
    void unknownPresetIsAUsageError() {
        Cli.run("summary", "--model", "resnet-9000").failedWith(2, "unknown model preset 'resnet-9000'; known: mlp");
    }

    @Test
    void missingModelFileFails(@TempDir Path dir) {
        Cli.run("summary", "--model", dir.resolve("nothing.cnn").toString()).failedWith(1, "does not exist");
    }

    @Test
    void classesBeyondTheModelLimitsAreRefusedBeforeAnyWeightIsMade() {
        long start = System.nanoTime();
        Cli.run("summary", "--model", "conv-20-40", "--classes", "2000000000")
                .failedWith(2, "has 202,000,084,660 parameters, more than the 250,000,000 a model may have");
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "the refusal must come before any array is made");
        Cli.run("summary", "--model", "mlp", "--input-shape", "1,30000,30000")
                .failedWith(2, "more than the 250,000,000 a model may have");
    }

    @Test
    void imagesTooSmallForThePresetFail() {
        Cli.run("summary", "--model", "conv-20-40", "--input-shape", "1,8,8").failedWith(1, "does not fit input");
    }
}
