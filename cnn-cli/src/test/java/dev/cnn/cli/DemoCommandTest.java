package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.viz.ConfusionHeatMap;
import dev.cnn.viz.TrainingChart;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @Test
    void runsEveryStepAndDrawsEveryPicture(@TempDir Path dir) throws Exception {
        Path data = SyntheticDigits.write(dir.resolve("data"), 300, 100, 28);
        Path out = dir.resolve("demo");
        Cli.Result r = Cli.run("demo", "--dataset", data.toString(), "--model", "conv-3maps", "--out-dir", out.toString())
                .succeeded();
        for (int step = 1; step <= 6; step++) {
            assertTrue(r.out().matches("(?s).*\\n\\[" + step + "/6\\] [^\\n]* \\(\\d+\\.\\d s\\)\\n.*"), "step " + step + ":\n" + r.out());
        }
        assertTrue(r.out().contains("test image #0 (label 0): "), r.out());
        assertTrue(r.out().contains("Pictures in " + out + "/:"), r.out());
        assertTrue(r.lastLine().matches("demo finished in .*; test accuracy: \\d+\\.\\d\\d%"), r.lastLine());
        assertTrue(Files.size(out.resolve("model.cnn")) > 0);
        Cli.assertPng(out.resolve("training.png"), TrainingChart.WIDTH, TrainingChart.HEIGHT);
        Cli.assertPng(out.resolve("confusion.png"), ConfusionHeatMap.WIDTH, ConfusionHeatMap.HEIGHT);
        Cli.assertPng(out.resolve("predictions.png"), 10 * 84, 2400, 16 + 34 + 26 + 84 + 17 + 8 + 16);
        int mistakesRows = (Cli.decode(out.resolve("mistakes.png")).getHeight() - (16 + 34 + 26 + 16)) / (84 + 17 + 8);
        Cli.assertPng(out.resolve("mistakes.png"), 16, 2400, 16 + 34 + 26 + mistakesRows * (84 + 17 + 8) + 16);
        assertTrue(mistakesRows >= 0 && mistakesRows <= 3, "at most 30 mistakes, 10 a row");
        Cli.assertPng(out.resolve("filters.png"), 3 * 60, 1200, VisualizeCommandTest.FILTERS_HEIGHT);
        Cli.assertPng(out.resolve("feature-maps.png"), 3 * 72, 1200, VisualizeCommandTest.CONV_3MAPS_MAPS_HEIGHT);
    }

    @Test
    void unknownPresetIsAUsageError() {
        Cli.run("demo", "--model", "alexnet").failedWith(2, "unknown model preset 'alexnet'");
    }

    @Test
    void theTaggerIsRefusedByTheDigitsDemoInTheUsersTerms() {
        Cli.run("demo", "--model", "tagger").failedWith(2, "tagger learns tags as well as classes, and the digits demo"
                + " trains a classifier on digits, which have no tags; run ./cnn demo tagger");
    }
}
