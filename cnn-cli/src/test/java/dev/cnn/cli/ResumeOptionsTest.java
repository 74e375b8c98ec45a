package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backends;
import dev.cnn.api.model.Model;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resume continues the run it was given or refuses, by name, what it cannot honour; --init-from starts a new run. */
class ResumeOptionsTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path finished;

    @BeforeAll
    static void trainOneEpoch() throws Exception {
        data = SyntheticDigits.write(dir.resolve("squares"), 200, 50, 28);
        finished = dir.resolve("one-epoch.cnn");
        Cli.run("train", "--model", "mlp", "--dataset", data.toString(), "--epochs", "1", "--out", finished.toString())
                .succeeded();
    }

    @Test
    void aFinishedRunIsNotResumedButPointsToInitFrom() {
        Cli.run("train", "--resume", finished.toString(), "--dataset", data.toString())
                .failedWith(1, "has finished its only epoch; to train further from its weights, start a new run from"
                        + " them: ./cnn train --init-from " + finished);
    }

    @Test
    void moreEpochsThanPlannedAreRefusedByName() {
        Cli.run("train", "--resume", finished.toString(), "--dataset", data.toString(), "--epochs", "3")
                .failedWith(2, "--epochs 3 cannot be honoured by --resume");
    }

    @Test
    void everyOptionOfTheRunIsRefusedWhenItDiffers() {
        String d = data.toString();
        String f = finished.toString();
        Cli.run("train", "--resume", f, "--dataset", d, "--lr", "0.5").failedWith(2, "--lr 0.5 cannot be honoured by --resume");
        Cli.run("train", "--resume", f, "--dataset", d, "--optimizer", "sgd").failedWith(2, "--optimizer sgd cannot be honoured");
        Cli.run("train", "--resume", f, "--dataset", d, "--schedule", "step").failedWith(2, "--schedule step cannot be honoured");
        Cli.run("train", "--resume", f, "--dataset", d, "--batch-size", "7").failedWith(2, "--batch-size 7 cannot be honoured");
        Cli.run("train", "--resume", f, "--dataset", d, "--seed", "9").failedWith(2, "--seed 9 cannot be honoured");
        Cli.run("train", "--resume", f, "--dataset", d, "--augment", "1").failedWith(2, "--augment 1 cannot be honoured");
        Cli.run("train", "--resume", f, "--dataset", d, "--model", "conv-20-40").failedWith(2, "drop --model");
        Cli.run("train", "--resume", f, "--init-from", f, "--dataset", d).failedWith(2, "give one of them");
    }

    @Test
    void aPlainModelIsNoCheckpoint() throws Exception {
        Path plain = dir.resolve("plain.cnn");
        Model.load(finished, Backends.select("cpu")).save(plain);
        Cli.run("train", "--resume", plain.toString(), "--dataset", data.toString())
                .failedWith(1, "is not the checkpoint of a training run");
    }

    @Test
    void initFromStartsANewRunFromTheSavedWeights() {
        Path next = dir.resolve("next.cnn");
        Cli.Result r = Cli.run("train", "--init-from", finished.toString(), "--dataset", data.toString(), "--epochs", "2",
                "--lr", "0.0005", "--out", next.toString()).succeeded();
        assertTrue(r.out().contains("training the model from " + finished), r.out());
        assertTrue(r.out().contains("epoch 1/2: ") && r.out().contains("epoch 2/2: "), r.out());
        assertFalse(r.out().contains("resuming"), r.out());
    }

    @Test
    void aShiftThatMovesImagesOffThePictureIsRefused() {
        Cli.run("train", "--model", "mlp", "--dataset", data.toString(), "--augment", "1000")
                .failedWith(2, "--augment 1000 would shift the 28x28 images off the picture; use at most 13 pixels");
    }

    @Test
    void anUnwritableOutputIsRefusedBeforeTraining() throws Exception {
        Path blocker = java.nio.file.Files.writeString(dir.resolve("a-file"), "not a directory");
        Cli.Result r = Cli.run("train", "--model", "mlp", "--dataset", data.toString(), "--out",
                blocker.resolve("model.cnn").toString());
        r.failedWith(1, "cannot write the model file " + blocker.resolve("model.cnn"));
        assertFalse(r.out().contains("epoch 1/"), "refused before training: " + r.out());
    }
}
