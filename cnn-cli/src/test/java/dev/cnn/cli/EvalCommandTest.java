package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.viz.ConfusionHeatMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path data;

    @BeforeAll
    static void trainModel() throws Exception {
        model = TrainedModel.train(dir);
        data = dir.resolve("data");
    }

    @Test
    void printsAccuracyClassTableAndConfusionMatrixAndDrawsTheHeatMap() throws Exception {
        Cli.Result r = Cli.run("eval", "--model-file", model.toString(), "--dataset", data.toString()).succeeded();
        assertTrue(r.out().matches("(?s).*\\naccuracy: \\d+\\.\\d\\d%\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\ntop-3 accuracy: \\d+\\.\\d\\d%\\n.*"), r.out());
        assertTrue(r.out().contains("precision    recall        f1  support"), r.out());
        assertTrue(r.out().contains("confusion matrix (rows: actual class, columns: predicted class):"), r.out());
        assertTrue(r.out().contains("actual\\pred"), r.out());
        Path png = dir.resolve("model-confusion.png");
        assertTrue(r.out().contains("heat map: " + png), r.out());
        Cli.assertPng(png, ConfusionHeatMap.WIDTH, ConfusionHeatMap.HEIGHT);
    }

    @Test
    void trainSplitAndPlotOption() throws Exception {
        Path png = dir.resolve("plots/train.png");
        Cli.Result r = Cli.run("eval", "--model-file", model.toString(), "--dataset", data.toString(), "--split", "train",
                "--plot", png.toString()).succeeded();
        assertTrue(r.out().contains("train split"), r.out());
        Cli.assertPng(png, ConfusionHeatMap.WIDTH, ConfusionHeatMap.HEIGHT);
    }

    @Test
    void missingModelFileFails() {
        Cli.run("eval", "--model-file", dir.resolve("absent.cnn").toString(), "--dataset", data.toString())
                .failedWith(1, "does not exist; train one with ./cnn train");
    }

    @Test
    void fileThatIsNotAModelFails() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.cnn"), "this is not a model\n");
        Cli.run("eval", "--model-file", text.toString(), "--dataset", data.toString()).failedWith(1, "not a model file");
        Path empty = Files.createFile(dir.resolve("empty.cnn"));
        Cli.run("eval", "--model-file", empty.toString(), "--dataset", data.toString()).failedWith(1, "empty.cnn");
        byte[] noise = new byte[100_000];
        new Random(1).nextBytes(noise);
        Path random = Files.write(dir.resolve("noise.cnn"), noise);
        Cli.run("eval", "--model-file", random.toString(), "--dataset", data.toString()).failedWith(1, "noise.cnn");
    }

    @Test
    void zipWithoutAModelFails() throws Exception {
        Path zip = dir.resolve("other.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes());
            out.closeEntry();
        }
        Cli.run("eval", "--model-file", zip.toString(), "--dataset", data.toString()).failedWith(1, "other.zip");
    }

    @Test
    void damagedModelFileFails() throws Exception {
        byte[] bytes = Files.readAllBytes(model);
        Path truncated = Files.write(dir.resolve("truncated.cnn"), Arrays.copyOf(bytes, bytes.length / 2));
        Cli.run("eval", "--model-file", truncated.toString(), "--dataset", data.toString()).failedWith(1, "truncated.cnn");
        byte[] flipped = bytes.clone();
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
            flipped[i] ^= 0x5A;
        }
        Path corrupt = Files.write(dir.resolve("corrupt.cnn"), flipped);
        Cli.run("eval", "--model-file", corrupt.toString(), "--dataset", data.toString()).failedWith(1, "corrupt.cnn");
    }

    @Test
    void imagesOfAnotherSizeAreResizedToTheModelsInput() throws Exception {
        Path small = SyntheticDigits.write(dir.resolve("small"), 20, 10, 14);
        Cli.Result r = Cli.run("eval", "--model-file", model.toString(), "--dataset", small.toString()).succeeded();
        assertTrue(r.out().contains("(10 images)") && r.out().contains("accuracy: "), r.out());
    }

    @Test
    void unknownSplitIsAUsageError() {
        Cli.run("eval", "--model-file", model.toString(), "--dataset", data.toString(), "--split", "dev")
                .failedWith(2, "--split is test or train");
    }

    @Test
    void directoryAsModelFileFails() {
        Cli.run("eval", "--model-file", dir.toString(), "--dataset", data.toString()).failedWith(1, "is a directory");
    }
}
