package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backends;
import dev.cnn.api.loss.SoftmaxCrossEntropy;
import dev.cnn.api.model.Model;
import dev.cnn.api.optim.LearningRateSchedule;
import dev.cnn.api.optim.Sgd;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training techniques of issue 21 on the command line, and the recipes presets carry. */
class TrainingTechniquesCommandTest {
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void writeDataset() throws Exception {
        data = SyntheticDigits.write(dir.resolve("squares"), 300, 100, 28);
    }

    @Test
    void everyTechniqueTrainsIsSavedAndKeepsTheBestEpoch() throws Exception {
        Path out = dir.resolve("all/model.cnn");
        Cli.Result r = Cli.run("train", "--model", "conv-3maps", "--dataset", data.toString(), "--epochs", "3",
                "--batch-size", "20", "--optimizer", "sgd", "--lr", "0.05", "--momentum", "0.8", "--nesterov",
                "--weight-decay", "5e-4", "--schedule", "one-cycle", "--warm-up-epochs", "1", "--label-smoothing", "0.1",
                "--random-erasing", "0.5", "--ema", "0.99", "--validation-split", "0.2", "--keep-best",
                "--out", out.toString()).succeeded();
        assertTrue(r.out().contains("training with: 3 epochs, batches of 20, sgd (momentum 0.8, nesterov, weight decay"
                + " 5.0E-4), learning rate 0.05, one-cycle schedule, 1 warm-up epoch, augmentation erase=0.5, label"
                + " smoothing 0.1, weight average (EMA) 0.99, validation split 0.2, keeping the best epoch"), r.out());
        assertTrue(r.out().matches("(?s).*best epoch: [123] of 3 \\(validation accuracy [\\d.]+%\\).*"), r.out());
        assertTrue(r.out().contains("the best; train further from it with --init-from"), r.out());
        assertTrue(r.lastLine().startsWith("test accuracy: "), r.out());
        Model model = Model.loadWithState(out, Backends.select("cpu")).model();
        assertEquals(new SoftmaxCrossEntropy(0.1), model.classHead().orElseThrow().loss());
        assertEquals(0.99, model.recipe().weightAverage());
        assertEquals("erase=0.5", model.recipe().augmentation());
        Cli.Result summary = Cli.run("summary", "--model", out.toString()).succeeded();
        assertTrue(summary.out().contains("trained with: 3 epochs, batches of 20, sgd"), summary.out());
        Cli.Result eval = Cli.run("eval", "--model-file", out.toString(), "--dataset", data.toString(), "--tta",
                "shifts").succeeded();
        assertTrue(eval.out().contains("averaging 5 passes per image (--tta shifts)"), eval.out());
        Cli.run("predict", "--model-file", out.toString(), "--dataset", data.toString(), "--index", "0..2", "--tta",
                "flips").succeeded();
    }

    @Test
    void aCheckpointWithTheAverageResumesAndRefusesNewTechniques() throws Exception {
        Path out = dir.resolve("ema/model.cnn");
        Cli.run("train", "--model", "mlp", "--dataset", data.toString(), "--epochs", "1", "--batch-size", "50",
                "--optimizer", "sgd", "--nesterov", "--ema", "0.9", "--out", out.toString()).succeeded();
        var loaded = Model.loadWithState(out, Backends.select("cpu"));
        assertNotNull(loaded.optimizer().average(), "the checkpoint keeps the average");
        assertTrue(((Sgd) loaded.optimizer().config()).nesterov());
        Cli.run("train", "--resume", out.toString(), "--dataset", data.toString(), "--ema", "0.5")
                .failedWith(2, "--ema 0.5 cannot be honoured by --resume");
    }

    @Test
    void aPresetsRecipeIsUsedUnderTheOptionsGivenAndShownBySummary() throws Exception {
        Path out = dir.resolve("recipe/model.cnn");
        Cli.Result r = Cli.run("train", "--model", "mnist-best", "--dataset", data.toString(), "--epochs", "1",
                "--batch-size", "50", "--out", out.toString()).succeeded();
        assertTrue(r.out().contains("training with: 1 epoch, batches of 50, sgd (momentum 0.9, nesterov, weight decay"
                + " 5.0E-4), learning rate 0.05, one-cycle schedule, augmentation crop=2,rotate=10,scale=0.1, label"
                + " smoothing 0.1, weight average (EMA) 0.999"), r.out());
        assertTrue(r.out().contains("(the recipe of mnist-best, under the options given)"), r.out());
        var loaded = Model.loadWithState(out, Backends.select("cpu"));
        assertEquals(LearningRateSchedule.OneCycle.of(6), loaded.optimizer().config().schedule(), "240/50: 5 batches");
        assertEquals(1, loaded.model().recipe().epochs());
        Cli.Result summary = Cli.run("summary", "--model", "mnist-best").succeeded();
        assertTrue(summary.out().contains("recipe (what ./cnn train --model mnist-best uses unless its options say"
                + " otherwise): 15 epochs, batches of 128, sgd"), summary.out());
        Cli.Result plain = Cli.run("train", "--model", "mlp", "--dataset", data.toString(), "--epochs", "1",
                "--out", dir.resolve("plain/m.cnn").toString()).succeeded();
        assertFalse(plain.out().contains("training with:"), "a preset without a recipe trains as before:\n" + plain.out());
    }

    @Test
    void badValuesAreOneLineUsageErrors() {
        String d = data.toString();
        String m = "conv-3maps";
        Cli.run("train", "--model", m, "--dataset", d, "--label-smoothing", "1").failedWith(2, "--label-smoothing");
        Cli.run("train", "--model", m, "--dataset", d, "--random-erasing", "1.5").failedWith(2, "--random-erasing");
        Cli.run("train", "--model", m, "--dataset", d, "--ema", "1").failedWith(2, "--ema");
        Cli.run("train", "--model", m, "--dataset", d, "--momentum", "1").failedWith(2, "--momentum");
        Cli.run("train", "--model", m, "--dataset", d, "--weight-decay", "-1").failedWith(2, "--weight-decay");
        Cli.run("train", "--model", m, "--dataset", d, "--warm-up-epochs", "3").failedWith(2, "--warm-up-epochs 3");
        Cli.run("train", "--model", m, "--dataset", d, "--nesterov").failedWith(2, "add --optimizer sgd");
        Cli.run("train", "--model", m, "--dataset", d, "--optimizer", "sgd", "--momentum", "0", "--nesterov")
                .failedWith(2, "--nesterov: Nesterov momentum needs a momentum above 0");
        Cli.run("train", "--model", m, "--dataset", d, "--keep-best").failedWith(2, "--validation-split");
        Cli.run("train", "--model", m, "--dataset", d, "--early-stopping", "0").failedWith(2, "--early-stopping");
        Cli.run("train", "--model", m, "--dataset", d, "--schedule", "linear").failedWith(2, "one-cycle");
        Cli.run("eval", "--model-file", "x.cnn", "--dataset", d, "--tta", "rotations").failedWith(2, "flips, shifts");
    }
}
