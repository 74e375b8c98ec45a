package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
    private static final String TOP3 = "\\d+\\.\\d% \\d, \\d+\\.\\d% \\d, \\d+\\.\\d% \\d";

    @TempDir
    static Path dir;
    static Path model;
    static Path data;

    @BeforeAll
    static void trainModel() throws Exception {
        model = TrainedModel.train(dir);
        data = dir.resolve("data");
    }

    /** A colour picture of another size: a red square where class 0 has its square. */
    static Path picture(Path folder, String name, String format) throws Exception {
        BufferedImage image = new BufferedImage(70, 56, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(4, 4, 14, 11);
        g.dispose();
        Path file = folder.resolve(name);
        ImageIO.write(image, format, file.toFile());
        return file;
    }

    @Test
    void imagesOfAnySizeAndColourGetTheTopThreeClasses() throws Exception {
        Path png = picture(dir, "square.png", "png");
        Path jpeg = picture(dir, "square.jpg", "jpeg");
        Cli.Result r = Cli.run("predict", "--model-file", model.toString(), png.toString(), jpeg.toString()).succeeded();
        List<String> lines = r.outLines();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).matches(java.util.regex.Pattern.quote(png.toString()) + ": " + TOP3), lines.get(0));
        assertTrue(lines.get(1).matches(java.util.regex.Pattern.quote(jpeg.toString()) + ": " + TOP3), lines.get(1));
    }

    @Test
    void testImagesByIndexWithTheirLabelsAndAGrid() throws Exception {
        Path grid = dir.resolve("grid.png");
        Cli.Result r = Cli.run("predict", "--model-file", model.toString(), "--dataset", data.toString(), "--index", "0..4,7",
                "--top", "2", "--grid", grid.toString()).succeeded();
        List<String> lines = r.outLines();
        assertEquals(7, lines.size(), r.out());
        assertTrue(lines.get(0).matches("#0 \\(label 0\\): \\d+\\.\\d% \\d, \\d+\\.\\d% \\d"), lines.get(0));
        assertTrue(lines.get(5).startsWith("#7 (label 7): "), lines.get(5));
        assertEquals("grid: " + grid, lines.get(6));
        Cli.assertPng(grid, 6 * 84, 2000, 16 + 34 + 26 + 84 + 17 + 8 + 16);
    }

    @Test
    void oneTestImageOfTenThousandAtALargeInputSizeIsTheOnlyOneResized() throws Exception {
        Path many = SyntheticDigits.write(dir.resolve("ten-thousand"), 10, 10_000, 28);
        Path large = dir.resolve("large-input.cnn");
        dev.cnn.api.backend.Backend cpu = dev.cnn.api.backend.Backends.select("cpu");
        new dev.cnn.api.model.Model(dev.cnn.models.Preset.CONV_3MAPS.build(dev.cnn.api.tensor.Shape.of(1, 400, 400), 10,
                cpu, 1), dev.cnn.api.loss.Loss.SOFTMAX_CROSS_ENTROPY,
                java.util.stream.IntStream.range(0, 10).mapToObj(Integer::toString).toList(),
                dev.cnn.api.model.Normalization.identity()).save(large);
        long started = System.nanoTime();
        Cli.Result r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> Cli.run("predict", "--model-file", large.toString(), "--dataset", many.toString(), "--index",
                        "0,9999")).succeeded();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("predict --index 0,9999 of 10,000 test images at 400x400: %.2f s%n", seconds);
        assertEquals(2, r.outLines().size(), r.out());
        assertTrue(r.outLines().get(0).startsWith("#0 (label 0): "), r.out());
        assertTrue(r.outLines().get(1).startsWith("#9999 (label 9): "), r.out());
        assertTrue(seconds < 10, seconds + " s: resizing all 10,000 images would take 6 GB");
        Path maps = dir.resolve("large-maps");
        Cli.Result v = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> Cli.run("visualize", "--model-file", large.toString(), "--dataset", many.toString(), "--index",
                        "9998", "--out-dir", maps.toString())).succeeded();
        assertTrue(v.out().startsWith("#9998: "), v.out());
    }

    @Test
    void darkDigitsOnLightPaperAreInvertedAutomatically() throws Exception {
        BufferedImage paper = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = paper.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 40, 40);
        g.setColor(Color.BLACK);
        g.fillRect(3, 3, 8, 8);
        g.dispose();
        Path file = dir.resolve("paper.png");
        ImageIO.write(paper, "png", file.toFile());
        Cli.Result auto = Cli.run("predict", "--model-file", model.toString(), file.toString()).succeeded();
        assertTrue(auto.out().startsWith(file + " (inverted: dark on light): "), auto.out());
        Cli.Result never = Cli.run("predict", "--model-file", model.toString(), "--invert", "never", file.toString()).succeeded();
        assertTrue(never.out().startsWith(file + ": "), never.out());
        Cli.run("predict", "--model-file", model.toString(), "--invert", "sometimes", file.toString())
                .failedWith(2, "--invert is auto, always or never");
    }

    @Test
    void imageThatCannotBeDecodedFails() throws Exception {
        Path fake = Files.writeString(dir.resolve("fake.png"), "not really a png");
        Cli.run("predict", "--model-file", model.toString(), fake.toString()).failedWith(1, "fake.png");
    }

    @Test
    void missingImageFails() {
        Cli.run("predict", "--model-file", model.toString(), dir.resolve("absent.png").toString())
                .failedWith(1, "no such image file");
    }

    @Test
    void nothingToPredictIsAUsageError() {
        Cli.run("predict", "--model-file", model.toString()).failedWith(2, "name image files");
    }

    @Test
    void badIndexIsAUsageErrorAndOneOutOfRangeAFailure() {
        Cli.run("predict", "--model-file", model.toString(), "--dataset", data.toString(), "--index", "three")
                .failedWith(2, "'three' is not an index");
        Cli.run("predict", "--model-file", model.toString(), "--dataset", data.toString(), "--index", "5..2")
                .failedWith(2, "--index");
        Cli.run("predict", "--model-file", model.toString(), "--dataset", data.toString(), "--index", "100")
                .failedWith(1, "index 100 is outside the test split, which has images 0..99");
    }

    @Test
    void modelFileThatIsAnImageFails() throws Exception {
        Path png = picture(dir, "model-looking.png", "png");
        Cli.run("predict", "--model-file", png.toString(), png.toString()).failedWith(1, "not a model file");
    }
}
