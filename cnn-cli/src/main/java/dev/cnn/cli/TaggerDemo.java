package dev.cnn.cli;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.Prediction;
import dev.cnn.datasets.ImageConverter;
import dev.cnn.datasets.ShapesSource;
import dev.cnn.api.eval.Evaluation;
import dev.cnn.api.eval.TagEvaluation;
import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import dev.cnn.api.train.TrainingPlan;
import dev.cnn.viz.ConfusionHeatMap;
import dev.cnn.viz.PngFiles;
import dev.cnn.viz.PredictionPictures;
import dev.cnn.viz.TagF1Chart;
import dev.cnn.cli.training.ModelSource;
import dev.cnn.cli.training.ProgressReporter;
import dev.cnn.cli.training.ScheduleKind;
import dev.cnn.cli.training.TrainingResult;
import dev.cnn.cli.training.TrainingRun;
import dev.cnn.cli.training.TrainingSettings;
import dev.cnn.models.Preset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code cnn demo tagger}: generates the shapes images, trains the two-headed tagger (class and tags, thresholds chosen
 * on a validation split), evaluates both heads, saves the model, writes one test image per class as a PNG file and
 * predicts those files, and draws the pictures.
 */
final class TaggerDemo {
    private static final int STEPS = 6;
    private static final int BATCH = 32;
    private static final double LEARNING_RATE = 0.003;

    private final PrintWriter out;
    private final ProgressReporter progress;

    /** The model file it writes in its {@code --out-dir}. */
    static final String MODEL_FILE = "tagger.cnn";

    TaggerDemo(PrintWriter out, ProgressReporter progress) {
        this.out = out;
        this.progress = progress;
    }

    /** Runs the demo on {@code dataset} (a {@code shapes[:...]} spec) and returns its exit code. */
    int run(String dataset, int epochs, long seed, int samples, Path outDir, Backend backend, String backendDescription)
            throws IOException {
        Stopwatch total = new Stopwatch();
        out.println("cnn demo tagger: train the tagger on generated shapes and see it name each object and its tags."
                + " Pictures go to " + outDir + "/");
        Stopwatch step = new Stopwatch();
        ShapesSource source;
        try {
            source = ShapesSource.parse(dataset, null);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--dataset: " + e.getMessage());
        }
        Dataset train = source.train();
        Dataset test = source.test();
        done(1, String.format("generated %s: %,d training and %,d test images of %dx%d RGB, %d classes, %d tags (%s)",
                source.name(), train.size(), test.size(), source.height(), source.width(), train.classNames().size(),
                train.tagNames().size(), String.join(", ", train.tagNames())), step);

        step = new Stopwatch();
        out.printf("[2/%d] training tagger for %d epoch%s on backend %s (adam, learning rate %s, cosine schedule, batches"
                + " of %d; 10%% of the training images held out to choose each tag's threshold)%n", STEPS, epochs,
                epochs == 1 ? "" : "s", backendDescription, LEARNING_RATE, BATCH);
        out.flush();
        Files.createDirectories(outDir);
        TrainingPlan plan = new TrainingPlan(epochs, BATCH, seed, TrainCommand.TAGGER_VALIDATION, 0, source.name(),
                train.size());
        TrainingSettings settings = new TrainingSettings(new ModelSource.Fresh(Preset.TAGGER), plan, "adam",
                LEARNING_RATE, ScheduleKind.COSINE, null, 0, outDir.resolve("training.png"));
        TrainingResult result = new TrainingRun(settings, backend, out, progress).run(train, test);
        Model trained = result.model();
        done(2, "trained", step);

        step = new Stopwatch();
        Evaluation classes = result.testEvaluation();
        TagEvaluation tags = result.testTags();
        ConfusionHeatMap.write(classes.confusionMatrix(), classes.classNames(), String.format(Locale.ROOT,
                "Confusion matrix on the %,d test images (accuracy %s)", test.size(), Messages.percent(classes.accuracy())),
                outDir.resolve("confusion.png"));
        TagF1Chart.write(tags, String.format(Locale.ROOT, "F1 per tag on the %,d test images", test.size()),
                outDir.resolve("tag-f1.png"));
        done(3, String.format("evaluated on %,d test images", test.size()), step);
        out.printf(Locale.ROOT, "      class accuracy %s; tags: macro F1 %.4f, micro F1 %.4f, mAP %.4f, exact match %s,"
                        + " Hamming loss %.4f%n", Messages.percent(classes.accuracy()), tags.macroF1(), tags.microF1(),
                tags.meanAveragePrecision(), Messages.percent(tags.exactMatchRate()), tags.hammingLoss());
        tags.tagReport().lines().forEach(line -> out.println("      " + line));

        step = new Stopwatch();
        Path modelFile = outDir.resolve(MODEL_FILE);
        trained.save(modelFile);
        done(4, String.format("saved the model with its %d tag thresholds to %s (%,d KB)",
                trained.tagHead().orElseThrow().thresholds().size(), modelFile, Files.size(modelFile) / 1024), step);

        step = new Stopwatch();
        List<Path> files = onePerClass(test, outDir.resolve("images"), samples);
        List<Prediction> predictions = PredictionInputs.fromFiles(trained, files, Inversion.NEVER);
        PngFiles.write(PredictionPictures.sheet("What the tagger says about " + predictions.size() + " test images",
                "the class it sees, then the tags at or above their thresholds", predictions, trained),
                outDir.resolve("predictions.png"));
        done(5, "predicted " + files.size() + " test images written as PNG files to " + outDir.resolve("images"), step);
        Head tagHead = trained.tagHead().orElseThrow();
        for (Prediction p : predictions) {
            out.println("      " + p.source() + ": " + p.describeTop(1, trained.classNames()) + "; "
                    + p.describeTags(tagHead.labels(), tagHead.thresholdArray()));
        }

        step = new Stopwatch();
        VisualizeCommand.write(trained, predictions.get(0), outDir, "tagger", null);
        done(6, "drew the RGB filters of the first layer and the feature maps of " + files.get(0).getFileName(), step);

        out.println();
        out.println("Pictures in " + outDir + "/:");
        List<String[]> pictures = new ArrayList<>(List.of(
                new String[] {"training.png", "loss and class accuracy per epoch"},
                new String[] {"confusion.png", "which shapes it takes for which"},
                new String[] {"tag-f1.png", "F1 of each tag at its threshold"},
                new String[] {"predictions.png", "test images with the class and tags it saw"},
                new String[] {"filters.png", "the 3x3 colour filters of the first layer"},
                new String[] {"feature-maps.png", "what each block makes of " + files.get(0).getFileName()}));
        for (String[] p : pictures) {
            out.printf("  %-17s %s%n", p[0], p[1]);
        }
        out.println("Next: ./cnn predict --model-file " + modelFile + " " + files.get(0) + ", or ./cnn eval --model-file "
                + modelFile + " --dataset " + source.name());
        out.printf(Locale.ROOT, "demo finished in %s; test accuracy: %s, macro tag F1: %.4f%n", total.elapsed(),
                Messages.percent(classes.accuracy()), tags.macroF1());
        return 0;
    }

    /** Writes the first test image of each class (up to {@code limit}) as {@code CLASS.png} and returns the files. */
    private static List<Path> onePerClass(Dataset test, Path dir, int limit) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        List<String> names = test.classNames();
        boolean[] taken = new boolean[names.size()];
        for (int i = 0; i < test.size() && files.size() < Math.min(limit, names.size()); i++) {
            int label = test.label(i);
            if (!taken[label]) {
                taken[label] = true;
                Path file = dir.resolve(names.get(label) + ".png");
                PngFiles.write(ImageConverter.toImage(test.features(i), test.sampleShape()), file);
                files.add(file);
            }
        }
        return files;
    }

    private void done(int number, String what, Stopwatch step) {
        out.printf("[%d/%d] %s (%s)%n", number, STEPS, what, step.elapsed());
        out.flush();
    }
}
