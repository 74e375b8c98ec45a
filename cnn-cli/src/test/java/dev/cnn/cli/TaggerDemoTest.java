package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backends;
import dev.cnn.datasets.ShapesSource;
import dev.cnn.api.model.Model;
import dev.cnn.viz.ConfusionHeatMap;
import dev.cnn.viz.TagF1Chart;
import dev.cnn.viz.TrainingChart;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaggerDemoTest {

    @Test
    void generatesTrainsEvaluatesSavesPredictsAndDraws(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo");
        Cli.Result r = Cli.run("demo", "tagger", "--dataset", "shapes:240:60:24", "--epochs", "1", "--out-dir",
                out.toString(), "--backend", "cpu").succeeded();
        for (int step = 1; step <= 6; step++) {
            assertTrue(r.out().matches("(?s).*\\n\\[" + step + "/6\\] [^\\n]* \\(\\d+\\.\\d s\\)\\n.*"), "step " + step
                    + ":\n" + r.out());
        }
        assertTrue(r.out().contains("macro mean") && r.out().contains("Hamming loss"), "the tag table:\n" + r.out());
        for (String name : ShapesSource.classNames()) {
            Path image = out.resolve("images").resolve(name + ".png");
            assertTrue(Files.isRegularFile(image), image.toString());
            assertTrue(r.out().matches("(?s).*\\n      " + java.util.regex.Pattern.quote(image.toString())
                    + ": \\d+\\.\\d% \\w+; tags: [^\\n]+\\n.*"), "a prediction line for " + image + ":\n" + r.out());
        }
        assertTrue(r.lastLine().matches("demo finished in .*; test accuracy: \\d+\\.\\d\\d%, macro tag F1: \\d\\.\\d{4}"),
                r.lastLine());
        Model model = Model.load(out.resolve("tagger.cnn"), Backends.select("cpu"));
        assertEquals(ShapesSource.tagNames().size(), model.tagHead().orElseThrow().thresholds().size());
        Cli.assertPng(out.resolve("training.png"), TrainingChart.WIDTH, TrainingChart.HEIGHT);
        Cli.assertPng(out.resolve("confusion.png"), ConfusionHeatMap.WIDTH, ConfusionHeatMap.HEIGHT);
        Cli.assertPng(out.resolve("tag-f1.png"), TagF1Chart.WIDTH, TagF1Chart.HEIGHT);
        for (String picture : new String[] {"predictions.png", "filters.png", "feature-maps.png"}) {
            assertTrue(Cli.decode(out.resolve(picture)).getWidth() > 100, picture);
        }
    }

    @Test
    void theTaggerDemoOnlyGeneratesShapes() {
        Cli.run("demo", "tagger", "--dataset", "mnist").failedWith(2, "demo tagger generates its images");
        Cli.run("demo", "poems").failedWith(2, "demo shows digits (the default) or tagger, not 'poems'");
    }
}
