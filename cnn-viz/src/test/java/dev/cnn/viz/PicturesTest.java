package dev.cnn.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backends;
import dev.cnn.api.eval.Prediction;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.train.EpochScores;
import dev.cnn.api.train.TrainingCurve;
import dev.cnn.models.Preset;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every picture is a library call that takes a model and data and gives a PNG that decodes. */
class PicturesTest {
    private static final List<String> DIGITS = IntStream.range(0, 10).mapToObj(Integer::toString).toList();

    private static Model conv2040() {
        GraphNetwork network = Preset.CONV_20_40.build(Shape.of(1, 28, 28), 10, Backends.select("cpu"), 1);
        return new Model(network, Loss.SOFTMAX_CROSS_ENTROPY, DIGITS, new Normalization(0.1307, 0.3081));
    }

    private static float[] noise(int size) {
        Random random = new Random(3);
        float[] pixels = new float[size];
        for (int i = 0; i < size; i++) {
            pixels[i] = random.nextFloat();
        }
        return pixels;
    }

    private static BufferedImage read(Path file) throws Exception {
        assertTrue(Files.size(file) > 500, file + " is written");
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image.getWidth() > 100 && image.getHeight() > 100, "a picture, not a dot");
        return image;
    }

    @Test
    void filtersAndFeatureMapsOfAnyNode(@TempDir Path dir) throws Exception {
        Model model = conv2040();
        String first = FilterPicture.firstConvolution(model.network()).orElseThrow();
        PngFiles.write(FilterPicture.render(model.network(), first), dir.resolve("filters.png"));
        read(dir.resolve("filters.png"));
        List<String> maps = FeatureMapSlide.mapNodes(model.network());
        assertTrue(maps.size() >= 4, "conv, relu and pool nodes make feature maps: " + maps);
        BufferedImage all = FeatureMapSlide.render(model, noise(28 * 28), "every stage", null);
        BufferedImage one = FeatureMapSlide.render(model, noise(28 * 28), "one node", maps.get(0));
        assertTrue(all.getHeight() > one.getHeight(), "every stage takes more room than one");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureMapSlide.render(model, noise(28 * 28), "", "nope"));
        assertTrue(e.getMessage().contains("has no node 'nope'"), e.getMessage());
    }

    @Test
    void confusionTrainingCurvesAndPredictions(@TempDir Path dir) throws Exception {
        long[][] confusion = new long[10][10];
        for (int c = 0; c < 10; c++) {
            confusion[c][c] = 90;
            confusion[c][(c + 1) % 10] = 10;
        }
        ConfusionHeatMap.write(confusion, DIGITS, "test set", dir.resolve("confusion.png"));
        read(dir.resolve("confusion.png"));

        List<EpochScores> epochs = List.of(new EpochScores(1, 0.5, 0.85, Double.NaN, Double.NaN, 0.3, 0.9, 1000, 60),
                new EpochScores(2, 0.3, 0.9, Double.NaN, Double.NaN, 0.2, 0.93, 1000, 60));
        List<TrainingCurve.Point> curve = List.of(new TrainingCurve.Point(0.5, 0.9, 0.7),
                new TrainingCurve.Point(1, 0.5, 0.85), new TrainingCurve.Point(2, 0.3, 0.9));
        TrainingChart.write(epochs, curve, dir.resolve("curves.png"));
        read(dir.resolve("curves.png"));

        Model model = conv2040();
        float[] pixels = noise(28 * 28);
        Prediction p = new Prediction("noise", pixels, model.predictProbabilities(pixels, 1)[0], 3);
        PngFiles.write(PredictionPictures.sheet("predictions", "noise", List.of(p, p), model), dir.resolve("p.png"));
        read(dir.resolve("p.png"));
    }
}
