package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backends;
import dev.cnn.api.model.Model;
import dev.cnn.api.tensor.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, eval, predict, visualize and datasets export on folders of images and on the generated shapes. */
class FolderDatasetCommandTest {
    @TempDir
    static Path dir;
    static Path squares;
    static Path model;

    @BeforeAll
    static void trainOnAFolder() throws Exception {
        squares = ColouredSquares.write(dir.resolve("squares"), 24);
        Files.write(squares.resolve("train/red/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0});
        Files.createDirectories(squares.resolve("train/empty"));
        model = dir.resolve("squares.cnn");
    }

    private static Cli.Result train() {
        return Cli.run("train", "--model", "conv-3maps", "--dataset", squares.toString(), "--input-size", "12",
                "--epochs", "2", "--batch-size", "8", "--lr", "0.01", "--out", model.toString(), "--backend", "cpu");
    }

    @Test
    void trainsOnAFolderThenEvaluatesPredictsAndVisualizes() throws Exception {
        Cli.Result r = train().succeeded();
        assertTrue(r.out().contains("read 96 images from " + squares + " in ")
                && r.out().contains("skipped 1 file that could not be read"), r.out());
        assertTrue(r.err().contains("skipped: " + squares.resolve("train/red/broken.png")), r.err());
        assertTrue(r.err().contains("warning: " + squares.resolve("train/empty") + " holds no images"), r.err());
        assertTrue(r.out().contains("(72 training images, 24 test)"), r.out());
        double accuracy = Double.parseDouble(r.lastLine().replaceAll("[^0-9.]", ""));
        assertTrue(accuracy > 80, "colours are easy to tell apart: " + r.out());
        Model saved = Model.load(model, Backends.select("cpu"));
        assertEquals(Shape.of(3, 12, 12), saved.inputShape(), "the model remembers its input");
        assertEquals(List.of("blue", "green", "red"), saved.classNames());

        Cli.Result eval = Cli.run("eval", "--model-file", model.toString(), "--dataset", squares.toString(),
                "--backend", "cpu").succeeded();
        assertTrue(eval.out().contains("read 24 images from"), "only the test split is read: " + eval.out());
        assertTrue(eval.out().contains("accuracy: " + r.lastLine().substring("test accuracy: ".length())), eval.out());

        Cli.Result predict = Cli.run("predict", "--model-file", model.toString(), "--dataset", squares.toString(),
                "--index", "0,8,16", "--backend", "cpu").succeeded();
        assertTrue(predict.out().contains("#0 (label blue): "), predict.out());
        assertTrue(predict.out().contains("#16 (label red): "), predict.out());

        Path picture = squares.resolve("test/green/1.png");
        Cli.Result file = Cli.run("predict", "--model-file", model.toString(), picture.toString(), "--backend", "cpu")
                .succeeded();
        assertTrue(file.out().contains(picture + ": "), file.out());

        Path pictures = dir.resolve("visualize");
        Cli.run("visualize", "--model-file", model.toString(), "--dataset", squares.toString(), "--index", "3",
                "--out-dir", pictures.toString(), "--backend", "cpu").succeeded();
        assertTrue(Files.size(pictures.resolve("filters.png")) > 0 && Files.size(pictures.resolve("feature-maps.png")) > 0);
    }

    @Test
    void shapesAreExportedAsAFolderThatTrainsWithAugmentation() throws Exception {
        Path out = dir.resolve("shapes-png");
        Cli.Result export = Cli.run("datasets", "export", "shapes:36:12:20", out.toString()).succeeded();
        assertTrue(export.out().contains("wrote 36 training and 12 test images of 20x20 RGB in 6 classes to " + out
                + ", with tags.csv"), export.out());
        assertTrue(Files.readString(out.resolve("tags.csv")).lines().count() == 49);
        Path shapesModel = dir.resolve("shapes.cnn");
        Cli.Result r = Cli.run("train", "--model", "conv-3maps", "--dataset", out.toString(), "--epochs", "1",
                "--batch-size", "12", "--crop", "2", "--flip", "--rotate", "10", "--scale", "0.1", "--color-jitter", "0.2",
                "--out", shapesModel.toString(), "--backend", "cpu").succeeded();
        assertTrue(r.out().contains("read 48 images from " + out), r.out());
        Model.Loaded loaded = Model.loadWithState(shapesModel, Backends.select("cpu"));
        assertEquals("crop=2,flip,rotate=10,scale=0.1,jitter=0.2", loaded.plan().augmentation(),
                "a checkpoint remembers its augmentation");
        assertEquals(Shape.of(3, 20, 20), loaded.model().inputShape());
        Cli.run("train", "--resume", shapesModel.toString(), "--dataset", out.toString(), "--rotate", "5")
                .failedWith(2, "--rotate 5.0 cannot be honoured by --resume");
    }

    @Test
    void theGeneratedShapesTrainWithoutFilesAndMnistStyleDirectoriesResize() throws Exception {
        Cli.Result r = Cli.run("train", "--model", "mlp", "--dataset", "shapes:60:30:16", "--epochs", "1",
                "--batch-size", "20", "--out", dir.resolve("gen.cnn").toString(), "--backend", "cpu").succeeded();
        assertTrue(r.out().contains("training mlp on shapes:60:30:16x16:1 (60 training images, 30 test)"), r.out());

        Path idx = SyntheticDigits.write(dir.resolve("digits"), 60, 20, 28);
        Path small = dir.resolve("digits20.cnn");
        Cli.run("train", "--model", "mlp", "--dataset", idx.toString(), "--input-size", "20", "--channels", "3",
                "--epochs", "1", "--out", small.toString(), "--backend", "cpu").succeeded();
        assertEquals(Shape.of(3, 20, 20), Model.load(small, Backends.select("cpu")).inputShape());
        Cli.run("eval", "--model-file", small.toString(), "--dataset", idx.toString(), "--backend", "cpu").succeeded();

        Cli.Result list = Cli.run("datasets", "list").succeeded();
        assertTrue(list.out().contains("shapes         generated"), list.out());
    }

    @Test
    void badDatasetOptionsAreRefusedInOneLine() throws Exception {
        Cli.run("train", "--model", "mlp", "--dataset", "shapes", "--channels", "2").failedWith(2, "--channels is 1");
        Cli.run("train", "--model", "mlp", "--dataset", "shapes", "--input-size", "big").failedWith(2, "--input-size is H");
        Cli.run("train", "--model", "mlp", "--dataset", "shapes:lots").failedWith(1, "is not shapes[:TRAIN");
        Path nothing = Files.createDirectories(dir.resolve("nothing-here"));
        Cli.run("train", "--model", "mlp", "--dataset", nothing.toString())
                .failedWith(1, "holds neither the four IDX files");
        Path mixed = dir.resolve("mixed");
        Files.createDirectories(mixed.resolve("a"));
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4, 4, 1), "png", mixed.resolve("a/1.png").toFile());
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(5, 4, 1), "png", mixed.resolve("a/2.png").toFile());
        Cli.run("train", "--model", "mlp", "--dataset", mixed.toString()).failedWith(1, "give the size to resize them");
        Path taken = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(taken.resolve("x"), "x");
        Cli.run("datasets", "export", "shapes:6:6:16", taken.toString()).failedWith(1, "is not an empty folder");
    }

    @Test
    void exportWritesTagsASpreadsheetCannotRunAndReadsThemBack() throws Exception {
        Path tagged = dir.resolve("formula-tags");
        for (String file : List.of("=cmd/1.png", "=cmd/2.png", "plain/1.png", "plain/2.png")) {
            Path png = tagged.resolve(file);
            Files.createDirectories(png.getParent());
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4, 4, 1), "png", png.toFile());
        }
        Files.writeString(tagged.resolve("tags.csv"), "path,tags\n=cmd/1.png,=cmd|' /C calc'!A0;round\n"
                + "=cmd/2.png,@SUM(A1)\nplain/1.png,round\nplain/2.png,\"say \"\"hi\"\"\"\n");
        Path out = dir.resolve("formula-export");
        Cli.run("datasets", "export", tagged.toString(), out.toString()).succeeded();
        List<String> lines = Files.readAllLines(out.resolve("tags.csv"));
        assertTrue(lines.contains("train/=cmd/00000.png,'=cmd|' /C calc'!A0;round"), lines.toString());
        assertTrue(lines.contains("train/=cmd/00001.png,'@SUM(A1)") || lines.contains("test/=cmd/00000.png,'@SUM(A1)"),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.endsWith(",\"say \"\"hi\"\"\"")), lines.toString());
        assertTrue(lines.stream().skip(1).noneMatch(l -> l.matches("[=+@-].*|.*,[=+@-].*")), lines.toString());
        Cli.Result back = Cli.run("datasets", "export", out.toString(), dir.resolve("formula-again").toString())
                .succeeded();
        assertTrue(back.out().contains("with tags.csv"), back.out());
        assertEquals(Files.readAllLines(out.resolve("tags.csv")).size(),
                Files.readAllLines(dir.resolve("formula-again/tags.csv")).size());
        assertTrue(Files.readString(dir.resolve("formula-again/tags.csv")).contains("'=cmd|' /C calc'!A0;round"));
    }
}
