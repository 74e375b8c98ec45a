package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.data.Dataset;
import dev.cnn.datasets.LocatedDataset;
import dev.cnn.datasets.ShiftedTestSet;
import dev.cnn.viz.ComparisonChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void writeDataset() throws Exception {
        data = SyntheticDigits.write(dir.resolve("squares"), 300, 100, 28);
    }

    @Test
    void trainsEachPresetAndWritesTheTableAndTheChart() throws Exception {
        Path out = dir.resolve("compare");
        Cli.Result r = Cli.run("compare", "--dataset", data.toString(), "--models", "mlp,conv-3maps", "--epochs", "1",
                "--out", out.toString()).succeeded();
        List<String> rows = r.outLines().stream().filter(l -> l.startsWith("| `")).toList();
        assertEquals(2, rows.size(), r.out());
        assertTrue(rows.get(0).matches("\\| `mlp` \\| 79,510 \\| \\d+\\.\\d\\d% \\| \\d+\\.\\d\\d% \\| \\d+\\.\\d s \\|"), rows.get(0));
        assertTrue(rows.get(1).startsWith("| `conv-3maps` | "), rows.get(1));
        String table = Files.readString(out.resolve("comparison.md"));
        assertTrue(table.contains(rows.get(0)) && table.contains("shifted by up to 4 px"), table);
        Cli.assertPng(out.resolve("comparison.png"), ComparisonChart.WIDTH, ComparisonChart.HEIGHT);
        assertTrue(Files.size(out.resolve("mlp.cnn")) > 0, "each network's model is kept");
    }

    @Test
    void shiftedImagesMoveButKeepTheirLabelsAndTheSameSeedMovesThemTheSameWay() throws Exception {
        Dataset test = new LocatedDataset("squares", List.of(), dev.cnn.datasets.IdxFileSet.lookIn(data).found()).test();
        int[] all = IntStream.range(0, test.size()).toArray();
        Dataset a = ShiftedTestSet.of(test, 4, 3);
        Dataset b = ShiftedTestSet.of(test, 4, 3);
        assertArrayEquals(test.labels(), a.labels());
        assertArrayEquals(a.gatherFeatures(all), b.gatherFeatures(all));
        assertFalse(Arrays.equals(test.gatherFeatures(all), a.gatherFeatures(all)), "the images moved");
        assertArrayEquals(test.gatherFeatures(all), ShiftedTestSet.of(test, 0, 3).gatherFeatures(all));
    }

    @Test
    void anUnknownPresetIsAUsageError() {
        Cli.run("compare", "--dataset", data.toString(), "--models", "mlp,vgg-1000").failedWith(2, "unknown model preset 'vgg-1000'");
    }

    @Test
    void theTaggerIsRefusedInTheUsersTerms() {
        Cli.run("compare", "--dataset", data.toString(), "--models", "mlp,tagger").failedWith(2, "tagger learns tags as"
                + " well as classes, and compare trains classifiers on the images of an IDX dataset, which have no tags;"
                + " train it with ./cnn train --model tagger --dataset shapes, or watch it learn with ./cnn demo tagger");
    }
}
