package dev.cnn.cli;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.data.Dataset;
import dev.cnn.datasets.LocatedDataset;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.train.TrainingPlan;
import dev.cnn.datasets.ShiftedTestSet;
import dev.cnn.viz.ComparisonChart;
import dev.cnn.api.train.EpochScores;
import dev.cnn.cli.training.ModelSource;
import dev.cnn.cli.training.ProgressReporter;
import dev.cnn.cli.training.ScheduleKind;
import dev.cnn.cli.training.TrainingResult;
import dev.cnn.cli.training.TrainingRun;
import dev.cnn.cli.training.TrainingSettings;
import dev.cnn.models.Preset;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cnn compare}: the talk's central claim, measured. Trains a fully connected net and convolutional nets the same
 * way, then scores each on the test images and on the test images shifted by a few pixels, where only a network that
 * sees local structure through shared weights keeps its accuracy.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train several presets the same way (Adam 0.001, cosine schedule, batches of 64) and compare their"
                + " test accuracy on the test images as they are and shifted by up to --max-shift pixels, their"
                + " parameters and their time per epoch. Writes the table as Markdown and a bar chart."},
        footer = {"", "Example: ./cnn compare --dataset mnist --epochs 1"})
final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Main main;

    @Mixin
    private CommonOptions common;

    @Option(names = "--dataset", paramLabel = "NAME|DIR", defaultValue = "mnist",
            description = "mnist, fashion-mnist, or a directory holding the four IDX files (default: ${DEFAULT-VALUE}).")
    private String dataset;

    @Option(names = "--models", paramLabel = "PRESET", split = ",", defaultValue = "mlp,conv-3maps,conv-20-40",
            description = "The presets to compare, comma-separated (default: ${DEFAULT-VALUE}).")
    private List<String> models;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "1", description = "Epochs per network (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--max-shift", paramLabel = "PIXELS", defaultValue = "4",
            description = "The largest shift of the shifted test images (default: ${DEFAULT-VALUE}).")
    private int maxShift;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seeds weights, shuffles and shifts (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/compare",
            description = "Where the models, comparison.md and comparison.png go (default: ${DEFAULT-VALUE}).")
    private Path outDir;

    /**
     * One network's results.
     *
     * @param preset          the network
     * @param parameters      its trainable parameters
     * @param testAccuracy    accuracy on the test images
     * @param shiftedAccuracy accuracy on the shifted test images
     * @param secondsPerEpoch mean training time of an epoch
     */
    record Row(String preset, long parameters, double testAccuracy, double shiftedAccuracy, double secondsPerEpoch) {
    }

    @Override
    public Integer call() throws Exception {
        List<Preset> presets = new ArrayList<>();
        for (String id : models) {
            Preset preset = Options.preset(spec, id.strip());
            if (preset.tagged()) {
                throw Options.usage(spec, preset.id() + " learns tags as well as classes, and compare trains classifiers"
                        + " on the images of an IDX dataset, which have no tags; train it with ./cnn train --model "
                        + preset.id() + " --dataset shapes, or watch it learn with ./cnn demo tagger");
            }
            presets.add(preset);
        }
        Options.between(spec, "--epochs", epochs, 1, dev.cnn.api.model.ModelLimits.MAX_EPOCHS);
        Options.atLeast(spec, "--max-shift", maxShift, 0);
        PrintWriter out = spec.commandLine().getOut();
        Backend backend = common.backend();
        LocatedDataset located = DatasetAccess.open(dataset);
        Dataset train = located.train();
        Dataset test = located.test();
        Dataset shifted = ShiftedTestSet.of(test, maxShift, seed);
        Files.createDirectories(outDir);
        out.printf("comparing %s on %s (%,d training images, %,d test), %d epoch%s each, on backend %s%n",
                String.join(", ", models), located.name(), train.size(), test.size(), epochs, epochs == 1 ? "" : "s",
                common.describe(backend));
        out.flush();
        List<Row> rows = new ArrayList<>();
        try (OutputLock.Group locks = OutputLock.acquireAll(presets.stream().map(this::modelFile).toList(), "--out")) {
            for (Preset preset : presets) {
                rows.add(trainAndScore(preset, located, train, test, shifted, backend, out));
            }
        }
        String table = markdown(rows);
        out.println();
        out.print(table);
        Path markdown = outDir.resolve("comparison.md");
        Files.writeString(markdown, table);
        Path chart = outDir.resolve("comparison.png");
        ComparisonChart.write(rows.stream().map(r -> new ComparisonChart.Bar(r.preset(), r.testAccuracy(), r.shiftedAccuracy()))
                .toList(), maxShift, chart);
        out.println();
        out.println("table: " + markdown);
        out.println("chart: " + chart);
        return 0;
    }

    /** The checkpoint of {@code preset}'s run in {@code --out}. */
    private Path modelFile(Preset preset) {
        return outDir.resolve(preset.id() + ".cnn");
    }

    private Row trainAndScore(Preset preset, LocatedDataset located, Dataset train, Dataset test, Dataset shifted,
                              Backend backend, PrintWriter out) throws Exception {
        out.println("training " + preset.id() + " ...");
        out.flush();
        TrainingPlan plan = new TrainingPlan(epochs, 64, seed, 0, 0, located.name(), train.size(), "none",
                train.fingerprint());
        TrainingSettings settings = new TrainingSettings(new ModelSource.Fresh(preset), plan, "adam",
                0.001, ScheduleKind.COSINE, modelFile(preset), 0, null);
        ProgressReporter progress = new ProgressReporter(spec.commandLine().getErr(), main.interactiveTerminal());
        TrainingResult result = new TrainingRun(settings, backend, out, progress).run(train, test);
        double shiftedAccuracy = ModelEvaluation.evaluate(result.model(), shifted, 256).accuracy();
        long parameters = result.model().network().parameters().values().stream().filter(Parameter::trainable)
                .mapToLong(p -> p.shape().size()).sum();
        double seconds = result.epochs().stream().mapToDouble(EpochScores::seconds).average().orElse(Double.NaN);
        return new Row(preset.id(), parameters, result.testEvaluation().accuracy(), shiftedAccuracy, seconds);
    }

    private String markdown(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| network | parameters | test accuracy | shifted by up to ").append(maxShift)
                .append(" px | time per epoch |\n|---|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| `%s` | %,d | %.2f%% | %.2f%% | %.1f s |%n", r.preset(), r.parameters(),
                    r.testAccuracy() * 100, r.shiftedAccuracy() * 100, r.secondsPerEpoch()));
        }
        return sb.toString();
    }
}
