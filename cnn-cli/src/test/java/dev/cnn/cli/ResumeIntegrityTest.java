package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.io.ModelArchive;
import dev.cnn.api.io.ModelArchiveContents;
import dev.cnn.api.io.NamedArray;
import dev.cnn.api.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resume goes on only with the run it was given, whole: the same images (by their fingerprint, not only their
 * number), the optimizer's whole state, a plan within the limits whose schedule is the one of its length.
 */
class ResumeIntegrityTest {
    private static final Duration QUICKLY = Duration.ofSeconds(30);
    private static final Backend CPU = Backends.select("cpu");

    @TempDir
    static Path dir;
    static Path data;
    /** One epoch of mlp with a constant schedule, its plan edited to two epochs: a run stopped after epoch 1 of 2. */
    static Path halfway;
    /** One finished epoch of mlp with the default cosine schedule over that epoch. */
    static Path cosine;

    @BeforeAll
    static void trainOneEpoch() throws Exception {
        data = SyntheticDigits.write(dir.resolve("squares"), 200, 50, 28);
        Path constant = dir.resolve("constant.cnn");
        Cli.run("train", "--model", "mlp", "--dataset", data.toString(), "--epochs", "1", "--schedule", "constant",
                "--out", constant.toString()).succeeded();
        halfway = edited("halfway.cnn", constant, json -> plan(json, "epochs", "2"), true);
        cosine = dir.resolve("cosine.cnn");
        Cli.run("train", "--model", "mlp", "--dataset", data.toString(), "--epochs", "1", "--out", cosine.toString())
                .succeeded();
    }

    /** {@code json} with the field {@code field} of the training plan set to {@code value}. */
    private static String plan(String json, String field, String value) {
        String changed = json.replaceFirst("(\"training\"\\s*:\\s*\\{[^}]*\"" + field + "\"\\s*:\\s*)[^,}]+", "$1" + value);
        assertTrue(!changed.equals(json) || json.contains("\"" + field + "\":" + value), "no " + field + " in " + json);
        return changed;
    }

    /** A copy of {@code source} with its model.json edited and, unless {@code keepState}, no optimizer state. */
    private static Path edited(String name, Path source, UnaryOperator<String> json, boolean keepState) throws Exception {
        ModelArchiveContents contents = ModelArchive.read(source);
        Path file = dir.resolve(name);
        ModelArchive.write(file, new ModelArchiveContents(json.apply(contents.modelJson()), contents.parameters(),
                keepState ? contents.optimizerState() : List.of()));
        return file;
    }

    private static Path copyOfHalfway(String name) throws Exception {
        return Files.copy(halfway, dir.resolve(name));
    }

    /** The IDX set at {@code data} with every training pixel inverted: the same number, size and labels. */
    private static Path inverted() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("inverted"));
        for (String file : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte")) {
            byte[] bytes = Files.readAllBytes(data.resolve(file));
            if (file.equals("train-images-idx3-ubyte")) {
                for (int i = 16; i < bytes.length; i++) {
                    bytes[i] = (byte) (255 - (bytes[i] & 0xFF));
                }
            }
            Files.write(copy.resolve(file), bytes);
        }
        return copy;
    }

    private static Cli.Result quickly(String... args) {
        return assertTimeoutPreemptively(QUICKLY, () -> Cli.run(args));
    }

    @Test
    void aResumeOnOtherImagesOfTheSameSizeIsRefusedNamingBoth() throws Exception {
        Path other = inverted();
        Path checkpoint = copyOfHalfway("other-images.cnn");
        Cli.Result r = quickly("train", "--resume", checkpoint.toString(), "--dataset", other.toString())
                .failedWith(1, "the run in " + checkpoint + " trained on " + data);
        assertTrue(r.err().contains("but --dataset " + other + " holds other images or labels (200 training images"), r.err());
        assertTrue(r.err().contains("./cnn train --init-from " + checkpoint + " --dataset " + other), r.err());
        quickly("train", "--resume", checkpoint.toString(), "--dataset", data.toString()).succeeded();
    }

    @Test
    void aCheckpointWithoutAFingerprintResumesWithANoteAndRecordsIt() throws Exception {
        Path older = edited("older.cnn", halfway, json -> json.replaceFirst(",?\"datasetFingerprint\"\\s*:\\s*\"[0-9a-f]+\"",
                ""), true);
        assertNull(Model.loadWithState(older, CPU).plan().datasetFingerprint());
        Cli.Result r = quickly("train", "--resume", older.toString(), "--dataset", data.toString()).succeeded();
        assertTrue(r.out().contains("note: " + older + " was saved before checkpoints recorded their dataset's"
                + " fingerprint, so only its size (200 training images) shows"), r.out());
        assertEquals(Model.loadWithState(halfway, CPU).plan().datasetFingerprint(),
                Model.loadWithState(older, CPU).plan().datasetFingerprint());
        assertNotNull(Model.loadWithState(older, CPU).plan().datasetFingerprint());
    }

    @Test
    void aCheckpointWithoutItsOptimizerStateIsRefusedButItsWeightsStillServe() throws Exception {
        Path stateless = edited("stateless.cnn", halfway, UnaryOperator.identity(), false);
        quickly("train", "--resume", stateless.toString(), "--dataset", data.toString())
                .failedWith(1, stateless + " is not a whole checkpoint: it holds the plan of a run but not the whole state"
                        + " of its optimizer");
        quickly("eval", "--model-file", stateless.toString(), "--dataset", data.toString()).succeeded();
        quickly("train", "--init-from", stateless.toString(), "--dataset", data.toString(), "--epochs", "1",
                "--out", dir.resolve("from-stateless.cnn").toString()).succeeded();
    }

    @Test
    void aCheckpointMissingOneParametersStateIsRefused() throws Exception {
        ModelArchiveContents contents = ModelArchive.read(halfway);
        List<NamedArray> state = contents.optimizerState();
        assertTrue(state.size() > 1, "state arrays: " + state.size());
        Path partial = dir.resolve("partial.cnn");
        ModelArchive.write(partial, new ModelArchiveContents(contents.modelJson(), contents.parameters(),
                state.subList(1, state.size())));
        quickly("train", "--resume", partial.toString(), "--dataset", data.toString())
                .failedWith(1, partial + " is not a whole checkpoint");
    }

    @Test
    void aPlanLongerThanItsScheduleIsRefused() throws Exception {
        Path longer = edited("longer.cnn", cosine, json -> plan(json, "epochs", "3"), true);
        quickly("train", "--resume", longer.toString(), "--dataset", data.toString())
                .failedWith(1, longer + " is not a whole checkpoint: its learning-rate schedule (cosine over 4 updates)"
                        + " is not one of its plan (3 epochs of 4 batches, 12 updates");
    }

    @Test
    void aPlanBeyondTheLimitsIsRefusedWhenTheFileIsRead() throws Exception {
        Path endless = edited("endless.cnn", halfway, json -> plan(json, "epochs", "2147483647"), true);
        String tooMany = "training: the training plan has 2147483647 epochs, more than the 100000 allowed"
                + " (ModelLimits.MAX_EPOCHS)";
        quickly("eval", "--model-file", endless.toString(), "--dataset", data.toString())
                .failedWith(1, tooMany);
        quickly("train", "--resume", endless.toString(), "--dataset", data.toString())
                .failedWith(1, tooMany);
        Path huge = edited("huge-batch.cnn", halfway, json -> plan(json, "batchSize", "2000000000"), true);
        quickly("train", "--resume", huge.toString(), "--dataset", data.toString())
                .failedWith(1, "batches of 2000000000 images, more than the 65536 allowed");
        Path negative = edited("negative.cnn", halfway, json -> json.replaceFirst("\"optimizerSteps\"\\s*:\\s*\\d+",
                "\"optimizerSteps\":-5"), true);
        quickly("train", "--resume", negative.toString(), "--dataset", data.toString())
                .failedWith(1, "the optimizer's step count is -5; it cannot be negative");
    }

    @Test
    void runOptionsBeyondThePlanLimitsAreRefused() {
        quickly("train", "--model", "mlp", "--dataset", data.toString(), "--epochs", "2147483647")
                .failedWith(2, "--epochs must be at most 100,000 (ModelLimits), got 2,147,483,647");
        quickly("train", "--model", "mlp", "--dataset", data.toString(), "--batch-size", "2000000000")
                .failedWith(2, "--batch-size must be at most 65,536 (ModelLimits)");
    }
}
