package dev.cnn.cli;

import dev.cnn.api.eval.LabelText;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.Mistakes;
import dev.cnn.api.eval.Prediction;
import dev.cnn.datasets.DatasetCatalog;
import dev.cnn.datasets.DatasetInstaller;
import dev.cnn.datasets.LocatedDataset;
import dev.cnn.datasets.NamedDataset;
import dev.cnn.api.eval.Evaluation;
import dev.cnn.api.model.Model;
import dev.cnn.api.train.TrainingPlan;
import dev.cnn.viz.ConfusionHeatMap;
import dev.cnn.viz.FilterPicture;
import dev.cnn.viz.PngFiles;
import dev.cnn.cli.training.ModelSource;
import dev.cnn.cli.training.ProgressReporter;
import dev.cnn.cli.training.ScheduleKind;
import dev.cnn.cli.training.TrainingResult;
import dev.cnn.cli.training.TrainingRun;
import dev.cnn.cli.training.TrainingSettings;
import dev.cnn.models.Preset;
import dev.cnn.viz.PredictionPictures;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cnn demo}: the first ten minutes. Installs MNIST if missing, trains conv-20-40 for an epoch, evaluates it,
 * saves it, predicts a few test digits and draws pictures of all of it, saying how long each step took.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"See a network learn: install MNIST if missing, train conv-20-40 for one epoch, evaluate it,"
                + " save it, predict some test digits, and draw pictures of its progress, its mistakes and what its"
                + " filters look at. Takes a few minutes on a laptop.",
                "demo tagger: generate coloured shapes, train the tagger (a class and several tags per image: colour,"
                        + " texture, shape), evaluate both heads, save, predict image files and draw, in a few minutes."},
        footer = {"", "Examples:", "  ./cnn demo", "  ./cnn demo tagger"})
final class DemoCommand implements Callable<Integer> {
    private static final int STEPS = 6;
    private static final String TAGGER_DATA = "shapes:4000:1000";
    private static final int TAGGER_EPOCHS = 4;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Main main;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", arity = "0..1", paramLabel = "WHAT", defaultValue = "digits",
            description = "digits (conv-20-40 on MNIST) or tagger (the two-headed tagger on generated shapes: class and"
                    + " tags) (default: ${DEFAULT-VALUE}).")
    private String what;

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "runs/demo", description = "Where the model and pictures go (default: ${DEFAULT-VALUE}; runs/demo-tagger for the tagger).")
    private Path outDir;

    @Option(names = "--model", paramLabel = "PRESET", defaultValue = "conv-20-40", description = "Architecture (default: ${DEFAULT-VALUE}).")
    private String model;

    @Option(names = "--dataset", paramLabel = "NAME|DIR", defaultValue = "mnist", description = "Dataset (default: ${DEFAULT-VALUE};"
            + " " + TAGGER_DATA + " for the tagger: training and test images).")
    private String dataset;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "1", description = "Epochs (default: ${DEFAULT-VALUE}; "
            + TAGGER_EPOCHS + " for the tagger).")
    private int epochs;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "10", description = "Test images to predict (default: ${DEFAULT-VALUE}).")
    private int samples;

    private PrintWriter out;

    /** The model file the digits demo writes in its {@code --out-dir}. */
    static final String MODEL_FILE = "model.cnn";

    @Override
    public Integer call() throws Exception {
        String kind = what.trim().toLowerCase(java.util.Locale.ROOT);
        if (kind.equals("tagger")) {
            return tagger();
        }
        if (!kind.equals("digits")) {
            throw Options.usage(spec, "demo shows digits (the default) or tagger, not '" + what + "'");
        }
        Preset preset = Options.preset(spec, model);
        if (preset.tagged()) {
            throw Options.usage(spec, preset.id() + " learns tags as well as classes, and the digits demo trains a"
                    + " classifier on digits, which have no tags; run ./cnn demo tagger");
        }
        Options.between(spec, "--epochs", epochs, 1, dev.cnn.api.model.ModelLimits.MAX_EPOCHS);
        Options.atLeast(spec, "--samples", samples, 1);
        try (OutputLock lock = OutputLock.acquire(outDir.resolve(MODEL_FILE), "--out-dir")) {
            return digits(preset);
        }
    }

    /** {@code demo digits}, its options checked and its model file locked. */
    private int digits(Preset preset) throws IOException {
        out = spec.commandLine().getOut();
        Stopwatch total = new Stopwatch();
        Backend backend = common.backend();
        out.println("cnn demo: train " + preset.id() + " on " + dataset + " and see what it learned."
                + " Pictures go to " + outDir + "/");

        Stopwatch step = new Stopwatch();
        LocatedDataset located = ensureDataset();
        Dataset train = located.train();
        Dataset test = located.test();
        done(1, String.format("dataset %s: %,d training and %,d test images", located.name(), train.size(), test.size()), step);

        step = new Stopwatch();
        out.printf("[2/%d] training %s for %d epoch%s on backend %s (adam, learning rate 0.001, cosine schedule,"
                + " batches of 64)%n", STEPS, preset.id(), epochs, epochs == 1 ? "" : "s", common.describe(backend));
        out.flush();
        Path chart = outDir.resolve("training.png");
        TrainingPlan plan = new TrainingPlan(epochs, 64, seed, 0, 0, located.name(), train.size());
        TrainingSettings settings = new TrainingSettings(new ModelSource.Fresh(preset), plan, "adam",
                0.001, ScheduleKind.COSINE, null, 0, chart);
        TrainingResult result = new TrainingRun(settings, backend, out,
                new ProgressReporter(spec.commandLine().getErr(), main.interactiveTerminal())).run(train, test);
        Model trained = result.model();
        done(2, "trained", step);

        step = new Stopwatch();
        Evaluation evaluation = result.testEvaluation();
        ConfusionHeatMap.write(evaluation.confusionMatrix(), evaluation.classNames(), "Confusion matrix on the "
                + String.format("%,d", test.size()) + " test images (accuracy " + Messages.percent(evaluation.accuracy()) + ")",
                outDir.resolve("confusion.png"));
        List<Prediction> wrong = PredictionInputs.fromDataset(trained, test, Mistakes.first(evaluation, test.labels(), 30), "test");
        PngFiles.write(PredictionPictures.sheet("Mistakes: the first " + wrong.size() + " test images it got wrong",
                "caption: the true class, then what the model said", wrong, trained),
                outDir.resolve("mistakes.png"));
        done(3, "evaluated on " + String.format("%,d", test.size()) + " test images", step);
        out.println("      test accuracy " + Messages.percent(evaluation.accuracy()) + ", top-3 accuracy "
                + Messages.percent(evaluation.topKAccuracy(3)) + "; most confused: "
                + String.join(", ", Mistakes.mostConfused(evaluation, 3)));

        step = new Stopwatch();
        Path modelFile = outDir.resolve(MODEL_FILE);
        trained.save(modelFile);
        done(4, String.format("saved the model to %s (%,d KB)", modelFile, Files.size(modelFile) / 1024), step);

        step = new Stopwatch();
        List<Integer> first = IntStream.range(0, Math.min(samples, test.size())).boxed().toList();
        List<Prediction> predictions = PredictionInputs.fromDataset(trained, test, first, "test");
        PngFiles.write(PredictionPictures.sheet("Predictions for the first " + predictions.size() + " test images",
                "green: right, red: wrong", predictions, trained),
                outDir.resolve("predictions.png"));
        done(5, "predicted " + predictions.size() + " test images", step);
        for (Prediction p : predictions) {
            out.println("      test image " + p.source() + " (label " + LabelText.shown(trained.classNames().get(p.label())) + "): "
                    + p.describeTop(Math.min(3, trained.classNames().size()), trained.classNames()));
        }

        step = new Stopwatch();
        boolean drawn = FilterPicture.firstConvolution(trained.network()).isPresent();
        if (drawn) {
            VisualizeCommand.write(trained, predictions.get(0), outDir, preset.id(), null);
        }
        done(6, drawn ? "drew the filters and the feature maps of test image #0"
                : preset.id() + " has no convolution, so there are no filters to draw", step);

        out.println();
        out.println("Pictures in " + outDir + "/:");
        List<String[]> pictures = new ArrayList<>(List.of(
                new String[] {"training.png", "loss and accuracy per epoch, on training and test images"},
                new String[] {"confusion.png", "which digits it takes for which"},
                new String[] {"mistakes.png", "test images it got wrong"},
                new String[] {"predictions.png", "the first test images with what it said"}));
        if (drawn) {
            pictures.add(new String[] {"filters.png", "the 5x5 filters the first layer learned"});
            pictures.add(new String[] {"feature-maps.png", "what each layer makes of test image #0"});
        }
        for (String[] p : pictures) {
            out.printf("  %-17s %s%n", p[0], p[1]);
        }
        out.println("Next: ./cnn predict --model-file " + modelFile + " --index 0..9, or your own image file;"
                + " ./cnn train --help for more epochs.");
        out.println("demo finished in " + total.elapsed() + "; test accuracy: " + Messages.percent(evaluation.accuracy()));
        return 0;
    }

    /** {@code demo tagger}: the options the user gave, the tagger's defaults for the others. */
    private int tagger() throws IOException {
        var parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--model")) {
            throw Options.usage(spec, "demo tagger always trains the tagger preset; drop --model");
        }
        int taggerEpochs = parsed.hasMatchedOption("--epochs") ? epochs : TAGGER_EPOCHS;
        Options.between(spec, "--epochs", taggerEpochs, 1, dev.cnn.api.model.ModelLimits.MAX_EPOCHS);
        Options.atLeast(spec, "--samples", samples, 1);
        String data = parsed.hasMatchedOption("--dataset") ? dataset : TAGGER_DATA;
        if (!dev.cnn.datasets.ShapesSource.isShapes(data)) {
            throw Options.usage(spec, "demo tagger generates its images: --dataset is shapes[:TRAIN[:TEST[:SIZE[:SEED]]]],"
                    + " such as " + TAGGER_DATA + "; to train the tagger on your folder use ./cnn train --model tagger"
                    + " --dataset DIR");
        }
        Path dir = parsed.hasMatchedOption("--out-dir") ? outDir : Path.of("runs", "demo-tagger");
        Backend taggerBackend = common.backend();
        try (OutputLock lock = OutputLock.acquire(dir.resolve(TaggerDemo.MODEL_FILE), "--out-dir")) {
            return new TaggerDemo(spec.commandLine().getOut(),
                    new ProgressReporter(spec.commandLine().getErr(), main.interactiveTerminal()))
                    .run(data, taggerEpochs, seed, samples, dir, taggerBackend, common.describe(taggerBackend));
        }
    }

    private LocatedDataset ensureDataset() throws IOException {
        Optional<NamedDataset> named = NamedDataset.byId(dataset);
        if (named.isPresent() && DatasetCatalog.fromEnvironment().find(named.get(), null).isEmpty()) {
            out.println("[1/" + STEPS + "] " + named.get().id() + " is not installed; installing it (as "
                    + named.get().installCommand() + " does)");
            out.flush();
            DatasetInstaller.forThisProcess(line -> {
                out.println("      " + line);
                out.flush();
            }).install(named.get());
        }
        return DatasetAccess.open(dataset);
    }

    private void done(int number, String what, Stopwatch step) {
        out.printf("[%d/%d] %s (%s)%n", number, STEPS, what, step.elapsed());
        out.flush();
    }
}
