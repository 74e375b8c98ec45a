package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backends;
import dev.cnn.datasets.ShapesSource;
import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tagger on the command line, on a small generated shapes set: train picks per-tag thresholds on its validation
 * split and saves them; eval prints the class metrics and the tag table and draws the F1 bars; predict prints the class
 * and the tags above their thresholds; --threshold overrides them; its pictures and visualize work on colour images.
 */
class TaggerCommandTest {
    private static final String DATA = "shapes:240:60:24";
    private static final Pattern PREDICTION = Pattern.compile(
            "(\\S+\\.png|#\\d+)(?: \\(label \\w+\\))?: \\d+\\.\\d% (\\w+); tags: (none|[\\w-]+ \\d+%(, [\\w-]+ \\d+%)*)");

    @TempDir
    static Path dir;
    static Path model;
    static Cli.Result training;

    @BeforeAll
    static void trainOnce() {
        model = dir.resolve("tagger.cnn");
        training = Cli.run("train", "--model", "tagger", "--dataset", DATA, "--epochs", "1", "--batch-size", "16",
                "--lr", "0.003", "--out", model.toString(), "--backend", "cpu");
    }

    @Test
    void trainingChoosesAThresholdPerTagOnItsValidationSplitAndSavesIt() throws Exception {
        Cli.Result r = training.succeeded();
        assertTrue(r.out().contains("holding out 10% of the training images to choose each tag's threshold"), r.out());
        assertTrue(r.out().contains("(240 training images, 60 test)"), r.out());
        assertTrue(r.out().contains("validation accuracy") && r.out().contains("test tag F1 "), r.out());
        assertTrue(r.out().contains("test tags: macro F1 ") && r.out().contains("(thresholds chosen on the validation split)"),
                r.out());
        assertTrue(r.lastLine().startsWith("test accuracy: "), r.out());

        Model saved = Model.load(model, Backends.select("cpu"));
        assertEquals(List.of("class", "tags"), saved.heads().stream().map(Head::name).toList());
        assertEquals(ShapesSource.classNames(), saved.classNames());
        Head tags = saved.tagHead().orElseThrow();
        assertEquals(ShapesSource.tagNames(), tags.labels());
        assertEquals(tags.labels().size(), tags.thresholds().size(), "a threshold per tag is saved");
        assertFalse(tags.thresholds().stream().allMatch(t -> t == 0.5f), "thresholds were chosen, not left at 0.5: "
                + tags.thresholds());
    }

    @Test
    void evalPrintsTheClassMetricsAndTheTagTableAndDrawsTheF1Bars() throws Exception {
        training.succeeded();
        Path bars = dir.resolve("bars.png");
        Cli.Result eval = Cli.run("eval", "--model-file", model.toString(), "--dataset", DATA, "--tag-plot",
                bars.toString(), "--backend", "cpu").succeeded();
        assertTrue(eval.out().contains("accuracy: ") && eval.out().contains("confusion matrix"), eval.out());
        assertTrue(eval.out().contains("tags of head 'tags' (thresholds: each tag's own, chosen on validation images"),
                eval.out());
        for (String fragment : List.of("threshold", "precision", "avg prec", "macro mean", "micro mean", "exact match",
                "Hamming loss")) {
            assertTrue(eval.out().contains(fragment), fragment + " in:\n" + eval.out());
        }
        for (String tag : ShapesSource.tagNames()) {
            assertTrue(eval.out().lines().anyMatch(l -> l.startsWith(tag + " ")), "a row for " + tag + ":\n" + eval.out());
        }
        assertTrue(eval.out().contains("tag F1 chart: " + bars), eval.out());
        Cli.assertPng(bars, dev.cnn.viz.TagF1Chart.WIDTH, dev.cnn.viz.TagF1Chart.HEIGHT);

        Cli.Result overridden = Cli.run("eval", "--model-file", model.toString(), "--dataset", DATA, "--threshold", "0.3",
                "--tag-plot", dir.resolve("bars-0.3.png").toString(), "--backend", "cpu").succeeded();
        assertTrue(overridden.out().contains("thresholds: 0.3 for every tag (--threshold)"), overridden.out());
        String firstTag = ShapesSource.tagNames().get(0);
        String row = overridden.out().lines().filter(l -> l.startsWith(firstTag + " ")).findFirst().orElseThrow();
        assertEquals("0.300", row.trim().split("\\s+")[1], row);
    }

    @Test
    void predictSaysTheClassAndTheTagsAboveTheirThresholds() throws Exception {
        training.succeeded();
        Path images = dir.resolve("png");
        Cli.run("datasets", "export", "shapes:6:6:24", images.toString()).succeeded();
        Path image = Files.walk(images.resolve("test")).filter(p -> p.toString().endsWith(".png")).sorted()
                .findFirst().orElseThrow();
        Path grid = dir.resolve("grid.png");
        Cli.Result r = Cli.run("predict", "--model-file", model.toString(), image.toString(), "--dataset", DATA,
                "--index", "0..3", "--grid", grid.toString(), "--backend", "cpu").succeeded();
        List<String> lines = r.outLines().stream().filter(l -> PREDICTION.matcher(l).matches()).toList();
        assertEquals(5, lines.size(), "one line per image in the form 'x.png: 97.1% image; tags: yellow 99%, ...':\n"
                + r.out());
        assertTrue(lines.get(0).startsWith(image + ": "), "a colour image is never inverted as if it were ink on paper: "
                + r.out());
        assertTrue(r.out().contains("grid: " + grid), r.out());
        assertTrue(Files.size(grid) > 0);

        Path light = dir.resolve("light.png");
        java.awt.image.BufferedImage paper = new java.awt.image.BufferedImage(24, 24, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = paper.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 24, 24);
        g.setColor(java.awt.Color.RED);
        g.fillOval(6, 6, 12, 12);
        g.dispose();
        javax.imageio.ImageIO.write(paper, "png", light.toFile());
        Cli.Result onWhite = Cli.run("predict", "--model-file", model.toString(), light.toString(), "--backend", "cpu")
                .succeeded();
        assertTrue(onWhite.out().startsWith(light + ": ") && PREDICTION.matcher(onWhite.outLines().get(0)).matches(),
                "a colour image on white is not inverted as if it were ink on paper: " + onWhite.out());

        Cli.Result everything = Cli.run("predict", "--model-file", model.toString(), image.toString(), "--threshold", "0",
                "--backend", "cpu").succeeded();
        Matcher m = PREDICTION.matcher(everything.outLines().get(0));
        assertTrue(m.matches(), everything.out());
        assertEquals(ShapesSource.tagNames().size(), m.group(3).split(", ").length,
                "at threshold 0 every tag is present: " + everything.out());
        float[] probabilities = Model.load(model, Backends.select("cpu")).predict(
                dev.cnn.datasets.ImageConverter.read(image, dev.cnn.api.tensor.Shape.of(3, 24, 24)), 1).get("tags")[0];
        int above = 0;
        float[] thresholds = Model.load(model, Backends.select("cpu")).tagHead().orElseThrow().thresholdArray();
        for (int t = 0; t < probabilities.length; t++) {
            above += probabilities[t] >= thresholds[t] ? 1 : 0;
        }
        Matcher own = PREDICTION.matcher(lines.get(0));
        assertTrue(own.matches());
        assertEquals(above, own.group(3).equals("none") ? 0 : own.group(3).split(", ").length,
                "the tags listed are those at or above their own thresholds: " + lines.get(0));
    }

    @Test
    void aTaggedImageFolderTrainsTheTaggerAndAnUntaggedOneIsRefused() throws Exception {
        Path folder = dir.resolve("tagged");
        Cli.run("datasets", "export", "shapes:120:30:20", folder.toString()).succeeded();
        Path fromFolder = dir.resolve("folder.cnn");
        Cli.Result r = Cli.run("train", "--model", "tagger", "--dataset", folder.toString(), "--epochs", "1",
                "--batch-size", "16", "--out", fromFolder.toString(), "--backend", "cpu").succeeded();
        assertTrue(r.out().contains("test tags: macro F1 "), r.out());
        Head tags = Model.load(fromFolder, Backends.select("cpu")).tagHead().orElseThrow();
        assertEquals(ShapesSource.tagNames(), tags.labels(), "the tags of tags.csv");
        assertEquals(tags.labels().size(), tags.thresholds().size());
        Cli.run("eval", "--model-file", fromFolder.toString(), "--dataset", folder.toString(), "--backend", "cpu")
                .succeeded();

        Files.delete(folder.resolve("tags.csv"));
        Cli.run("train", "--model", "tagger", "--dataset", folder.toString(), "--epochs", "1", "--out",
                dir.resolve("untagged.cnn").toString(), "--backend", "cpu")
                .failedWith(1, "tagger learns tags as well as classes, but the dataset has no tags");
    }

    @Test
    void aTaggerWithItsTagHeadListedFirstNamesItsClassesFromItsClassHead() throws Exception {
        training.succeeded();
        Model usual = Model.load(model, Backends.select("cpu"));
        Head classes = usual.classHead().orElseThrow();
        Head tags = usual.tagHead().orElseThrow();
        Path tagsFirst = dir.resolve("tags-first.cnn");
        new Model(usual.network(), List.of(tags, classes), usual.preprocessing()).save(tagsFirst);
        assertEquals("tags", Model.load(tagsFirst, Backends.select("cpu")).heads().get(0).name());

        String[] predict = {"predict", "--index", "0..5", "--dataset", DATA, "--backend", "cpu", "--model-file"};
        Cli.Result right = Cli.run(concat(predict, model.toString())).succeeded();
        Cli.Result reordered = Cli.run(concat(predict, tagsFirst.toString())).succeeded();
        assertEquals(right.out(), reordered.out(), "the same classes and tags, whichever head is listed first");
        for (String line : reordered.outLines()) {
            Matcher m = Pattern.compile("#\\d+ \\(label (\\w+)\\): \\d+\\.\\d% (\\w+); tags: .*").matcher(line);
            assertTrue(m.matches(), line);
            assertTrue(ShapesSource.classNames().contains(m.group(1)) && ShapesSource.classNames().contains(m.group(2)),
                    "labels and predictions are class names, not tag names: " + line);
        }

        String[] eval = {"eval", "--dataset", DATA, "--backend", "cpu", "--plot", dir.resolve("c.png").toString(),
                "--tag-plot", dir.resolve("t.png").toString(), "--model-file"};
        String rightEval = Cli.run(concat(eval, model.toString())).succeeded().out();
        String reorderedEval = Cli.run(concat(eval, tagsFirst.toString())).succeeded().out();
        assertEquals(rightEval.replace(model.toString(), "M"), reorderedEval.replace(tagsFirst.toString(), "M"));

        Cli.Result summary = Cli.run("summary", "--model", tagsFirst.toString(), "--backend", "cpu").succeeded();
        assertTrue(summary.out().contains(ShapesSource.classNames().size() + " classes (" + String.join(", ",
                ShapesSource.classNames()) + ")"), summary.out());
        Cli.Result visualize = Cli.run("visualize", "--model-file", tagsFirst.toString(), "--dataset", DATA, "--index",
                "2", "--out-dir", dir.resolve("v").toString(), "--backend", "cpu").succeeded();
        assertTrue(ShapesSource.classNames().stream().anyMatch(c -> visualize.out().startsWith("#2: ")
                && visualize.out().contains("% " + c)), visualize.out());
    }

    private static String[] concat(String[] head, String last) {
        String[] all = java.util.Arrays.copyOf(head, head.length + 1);
        all[head.length] = last;
        return all;
    }

    @Test
    void thresholdOutsideZeroToOneOrOnAPlainClassifierIsAUsageError() {
        training.succeeded();
        Cli.run("predict", "--model-file", model.toString(), "--index", "0", "--dataset", DATA, "--threshold", "1.5",
                "--backend", "cpu").failedWith(2, "--threshold is a probability between 0 and 1");
        Path plain = dir.resolve("plain.cnn");
        Cli.run("train", "--model", "conv-3maps", "--dataset", DATA, "--epochs", "1", "--out", plain.toString(),
                "--backend", "cpu").succeeded();
        Cli.run("eval", "--model-file", plain.toString(), "--dataset", DATA, "--threshold", "0.4", "--backend", "cpu")
                .failedWith(2, "this model has no tag head");
    }

    @Test
    void visualizeDrawsTheColourFiltersAndFeatureMapsOfATagger() throws Exception {
        training.succeeded();
        Path out = dir.resolve("visualize");
        Cli.Result r = Cli.run("visualize", "--model-file", model.toString(), "--dataset", DATA, "--index", "2",
                "--out-dir", out.toString(), "--backend", "cpu").succeeded();
        assertTrue(r.out().contains("; tags: "), r.out());
        var filters = Cli.decode(out.resolve("filters.png"));
        assertTrue(isColoured(filters), "RGB filters are drawn in colour");
        assertTrue(Files.size(out.resolve("feature-maps.png")) > 0);
    }

    private static boolean isColoured(java.awt.image.BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                int red = rgb >> 16 & 0xff;
                int green = rgb >> 8 & 0xff;
                int blue = rgb & 0xff;
                if (Math.abs(red - green) > 40 || Math.abs(green - blue) > 40) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void summaryOfTheTaggerShowsBothHeads() {
        Cli.Result r = Cli.run("summary", "--model", "tagger", "--input-shape", "3,48,48", "--classes", "6", "--tags", "17")
                .succeeded();
        assertTrue(r.out().contains("6 classes, 17 tags"), r.out());
        assertTrue(r.out().contains("class") && r.out().contains("tags"), r.out());
    }
}
