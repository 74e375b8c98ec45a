package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cnn.datasets.DatasetCatalog;
import dev.cnn.datasets.NamedDataset;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real check of folder datasets: real MNIST digits written as 20x20 grey PNG files (2,000 for training,
 * 500 for testing) train with {@code ./cnn train --dataset DIR} and evaluate with {@code ./cnn eval --dataset DIR}.
 * Needs MNIST installed ({@code ./cnn datasets install mnist}, as CI does); skipped otherwise.
 */
class MnistAsPngFolderTest {
    @TempDir
    Path dir;

    @Test
    void twentyByTwentyPngDigitsTrainAndEvaluate() throws Exception {
        assumeTrue(DatasetCatalog.fromEnvironment().find(NamedDataset.MNIST, null).isPresent(), "MNIST is not installed");
        Path digits = dir.resolve("digits");
        Cli.run("datasets", "export", "mnist", digits.toString(), "--train", "2000", "--test", "500", "--input-size", "20")
                .succeeded();
        try (Stream<Path> files = Files.walk(digits)) {
            assertEquals(2500, files.filter(p -> p.toString().endsWith(".png")).count());
        }
        BufferedImage one = Cli.assertPng(digits.resolve("train/5/00000.png"), 20, 20);
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, one.getType(), "grey PNG files");

        Path model = dir.resolve("digits.cnn");
        Cli.Result train = Cli.run("train", "--model", "conv-20-40", "--dataset", digits.toString(), "--epochs", "8",
                "--lr", "0.003", "--out", model.toString(), "--backend", "cpu").succeeded();
        assertTrue(train.out().contains("read 2,500 images from " + digits), train.out());
        assertTrue(train.out().contains("(2,000 training images, 500 test)"), train.out());
        Cli.Result eval = Cli.run("eval", "--model-file", model.toString(), "--dataset", digits.toString(),
                "--backend", "cpu").succeeded();
        String accuracy = eval.outLines().stream().filter(l -> l.startsWith("accuracy: ")).findFirst().orElseThrow();
        double percent = Double.parseDouble(accuracy.replaceAll("[^0-9.]", ""));
        assertTrue(percent >= 94, "2,000 real digits at 20x20 teach a conv net: " + accuracy);
        assertTrue(train.lastLine().endsWith(accuracy.substring("accuracy: ".length())), train.lastLine() + " vs " + accuracy);
    }
}
