package dev.cnn.examples;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.data.LocatedDataset;
import dev.cnn.api.model.Model;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.examples.training.ProgressReporter;
import dev.cnn.examples.training.ScheduleKind;
import dev.cnn.examples.training.TrainingResult;
import dev.cnn.examples.training.TrainingRun;
import dev.cnn.examples.training.TrainingSettings;
import dev.cnn.models.Preset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cnn train}: trains a preset on a dataset, checkpointing every epoch, and ends with the test accuracy. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network on a dataset. Prints a line per epoch and, last, the accuracy on the test split.",
                "The model file (--out) is rewritten after every epoch with the optimizer state, so --resume can"
                        + " continue from it; a PNG of loss and accuracy per epoch is written next to it."},
        footer = {"", "Example: ./cnn train --model conv-20-40 --dataset mnist --epochs 3 --out runs/mnist.cnn"})
final class TrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Main main;

    @Mixin
    private CommonOptions common;

    @Option(names = "--model", paramLabel = "PRESET", description = "Architecture: ${COMPLETION-CANDIDATES}.",
            completionCandidates = PresetNames.class)
    private String model;

    @Option(names = "--dataset", paramLabel = "NAME|DIR", required = true,
            description = "mnist, fashion-mnist, or a directory holding the four IDX files.")
    private String dataset;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "3", description = "Epochs of the whole run (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64", description = "Images per update (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
            description = "sgd (momentum 0.9), adam, adamw or rmsprop (default: ${DEFAULT-VALUE}).")
    private String optimizer;

    @Option(names = "--lr", paramLabel = "X", defaultValue = "0.001", description = "Base learning rate (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--schedule", paramLabel = "NAME", defaultValue = "cosine",
            description = "Learning rate over the run: constant, cosine (down to 0 at the end) or step (halved every"
                    + " epoch) (default: ${DEFAULT-VALUE}).")
    private String schedule;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seeds weights, shuffling and augmentation (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--validation-split", paramLabel = "FRACTION", defaultValue = "0",
            description = "Fraction of the training images held out and scored after every epoch, e.g. 0.1.")
    private double validationSplit;

    @Option(names = "--augment", paramLabel = "PIXELS", arity = "0..1", fallbackValue = "2", defaultValue = "0",
            description = "Shift training images randomly by up to PIXELS (2 when given without a value).")
    private int augment;

    @Option(names = "--out", paramLabel = "FILE", description = "Model file (default: runs/PRESET-DATASET.cnn).")
    private Path out;

    @Option(names = "--resume", paramLabel = "FILE", description = "Continue the run saved in this model file.")
    private Path resume;

    @Override
    public Integer call() throws Exception {
        Preset preset = model == null ? null : Options.preset(spec, model);
        if (preset == null && resume == null) {
            throw Options.usage(spec, "name an architecture with --model PRESET (" + Preset.ids() + "), or --resume FILE");
        }
        Options.atLeast(spec, "--epochs", epochs, 1);
        Options.atLeast(spec, "--batch-size", batchSize, 1);
        Options.atLeast(spec, "--augment", augment, 0);
        Options.positive(spec, "--lr", learningRate);
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw Options.usage(spec, "--validation-split must be at least 0 and below 1, got " + validationSplit);
        }
        OptimizerConfig.Kind kind = Options.optimizer(spec, optimizer);
        ScheduleKind scheduleKind = Options.schedule(spec, schedule);
        PrintWriter stdout = spec.commandLine().getOut();

        Backend backend = common.backend();
        Model.Loaded resumed = resume == null ? null : ModelFiles.loadWithState(resume, backend);
        LocatedDataset located = DatasetAccess.open(dataset);
        Dataset train = located.train();
        Dataset test = located.test();
        String architecture = preset != null ? preset.id() : "model from " + resume;
        Path modelFile = out != null ? out : resume != null ? resume
                : Path.of("runs", preset.id() + "-" + DatasetAccess.shortName(located) + ".cnn");
        Path chart = ModelFiles.sibling(modelFile, "-training.png");
        stdout.printf("training %s on %s (%,d training images, %,d test) on backend %s%n", architecture,
                located.name(), train.size(), test.size(), backend.name());
        stdout.flush();

        TrainingSettings settings = new TrainingSettings(preset, resumed, epochs, batchSize, kind, learningRate,
                scheduleKind, seed, validationSplit, augment, modelFile, chart);
        ProgressReporter progress = new ProgressReporter(spec.commandLine().getErr(), main.interactiveTerminal());
        TrainingResult result = new TrainingRun(settings, backend, stdout, progress).run(train, test);
        result.stopReason().ifPresent(reason -> stdout.println("stopped early: " + reason));
        if (result.epochs().isEmpty()) {
            result.model().save(modelFile, result.optimizer());
        }
        stdout.println("model: " + modelFile + " (rewritten after every epoch; continue with --resume " + modelFile + ")");
        if (!result.epochs().isEmpty()) {
            stdout.println("chart: " + chart);
        }
        stdout.println("test accuracy: " + Messages.percent(result.testEvaluation().accuracy()));
        return 0;
    }
}
