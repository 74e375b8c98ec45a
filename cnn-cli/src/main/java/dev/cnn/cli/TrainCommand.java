package dev.cnn.cli;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.data.Dataset;
import dev.cnn.datasets.DatasetSource;
import dev.cnn.datasets.ImageAugmentation;
import dev.cnn.api.model.Model;
import dev.cnn.api.optim.OptimizerTypes;
import dev.cnn.api.train.TrainingPlan;
import dev.cnn.api.train.TrainingRecipe;
import dev.cnn.api.model.ModelLimits;
import dev.cnn.cli.training.DatasetIdentity;
import dev.cnn.cli.training.ModelSource;
import dev.cnn.cli.training.ProgressReporter;
import dev.cnn.cli.training.ScheduleKind;
import dev.cnn.cli.training.TrainingResult;
import dev.cnn.cli.training.TrainingRun;
import dev.cnn.cli.training.TrainingSettings;
import dev.cnn.models.Preset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
            description = "mnist, fashion-mnist, shapes[:TRAIN[:TEST[:SIZE]]], a directory holding the four IDX files,"
                    + " or a folder of images with one sub-folder per class (DIR/CLASS/*, of which one image in five"
                    + " is held out for testing, or DIR/train/CLASS/* and DIR/test/CLASS/*).")
    private String dataset;

    @Mixin
    private ImageShapeOptions imageShape;

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
            description = "Fraction of the training images held out and scored after every epoch, e.g. 0.1; a model"
                    + " with a tag head (tagger) chooses its tag thresholds on them (default: 0, and "
                    + TAGGER_VALIDATION + " for a tagger).")
    private double validationSplit;

    @Option(names = "--augment", paramLabel = "PIXELS", arity = "0..1", fallbackValue = "2", defaultValue = "0",
            description = "Shift training images randomly by up to PIXELS (2 when given without a value).")
    private int augment;

    @Option(names = "--crop", paramLabel = "PIXELS", defaultValue = "0",
            description = "Random crop of each training image padded by PIXELS (a shift of up to PIXELS each way).")
    private int crop;

    @Option(names = "--flip", negatable = true, description = "Flip training images left to right at random (not for"
            + " digits or text); --no-flip turns off a recipe's flips.")
    private boolean flip;

    @Option(names = "--rotate", paramLabel = "DEGREES", defaultValue = "0",
            description = "Rotate training images at random by up to DEGREES either way, e.g. 10.")
    private double rotate;

    @Option(names = "--scale", paramLabel = "FRACTION", defaultValue = "0",
            description = "Scale training images at random by a factor in [1 - FRACTION, 1 + FRACTION], e.g. 0.1.")
    private double scale;

    @Option(names = "--color-jitter", paramLabel = "FRACTION", defaultValue = "0",
            description = "Change brightness, contrast and saturation of training images at random by up to FRACTION, e.g. 0.2.")
    private double colorJitter;

    @Mixin
    private TechniqueOptions techniques;

    @Option(names = "--out", paramLabel = "FILE", description = "Model file (default: runs/PRESET-DATASET.cnn).")
    private Path out;

    @Option(names = "--resume", paramLabel = "FILE", description = "Continue the run saved in this checkpoint, with the"
            + " run's own epochs, batch size, seed, optimizer and schedule, exactly where it stopped.")
    private Path resume;

    @Option(names = "--init-from", paramLabel = "FILE", description = "Start a new run from the architecture, weights and"
            + " normalisation of this model file, with a fresh optimizer and the options given here.")
    private Path initFrom;

    /** The validation split of a tagger's run when none is given: the images its tag thresholds are chosen on. */
    static final double TAGGER_VALIDATION = 0.1;

    @Option(names = "--checkpoint-every", paramLabel = "STEPS", defaultValue = "0",
            description = "Also rewrite the model file every STEPS updates, not only after every epoch; --resume continues"
                    + " from within an epoch just as exactly.")
    private long checkpointEvery;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Train data-parallel on Apache Spark, such as"
            + " local[2] or spark://host:7077 (./cnn then puts Spark's jars on the classpath).")
    private String sparkMaster;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "2",
            description = "With --spark: partitions of the training images (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--average-every", paramLabel = "STEPS", defaultValue = "0", description = "With --spark: 0"
            + " averages gradients every step; K > 0 averages parameters every K local steps (default: ${DEFAULT-VALUE}).")
    private int averageEvery;

    /** The options that make up a run's plan; a resume takes them from its checkpoint. */
    private static final List<String> RUN_OPTIONS = java.util.stream.Stream.concat(Stream.of("--model", "--epochs",
            "--batch-size", "--optimizer", "--lr", "--schedule", "--seed", "--validation-split", "--augment", "--crop",
            "--flip", "--rotate", "--scale", "--color-jitter"), TechniqueOptions.NAMES.stream()).toList();

    @Override
    public Integer call() throws Exception {
        if (resume != null && initFrom != null) {
            throw Options.usage(spec, "--resume continues a run and --init-from starts a new one from saved weights; give one of them");
        }
        if (model != null && (resume != null || initFrom != null)) {
            throw Options.usage(spec, "--model names an architecture, but " + (resume != null ? resume : initFrom)
                    + " brings its own; drop --model");
        }
        if (imageShape.given() && (resume != null || initFrom != null)) {
            throw Options.usage(spec, imageShape.givenNames() + " sets the input of a new network, but "
                    + (resume != null ? resume : initFrom) + " brings its own; drop " + imageShape.givenNames());
        }
        Preset preset = model == null ? null : Options.preset(spec, model);
        if (preset == null && resume == null && initFrom == null) {
            throw Options.usage(spec, "name an architecture with --model PRESET (" + Preset.ids() + "), continue a run"
                    + " with --resume FILE, or start from saved weights with --init-from FILE");
        }
        Options.between(spec, "--epochs", epochs, 1, ModelLimits.MAX_EPOCHS);
        Options.between(spec, "--batch-size", batchSize, 1, ModelLimits.MAX_BATCH_SIZE);
        Options.atLeast(spec, "--augment", augment, 0);
        Options.atLeast(spec, "--checkpoint-every", checkpointEvery, 0);
        Options.positive(spec, "--lr", learningRate);
        if ((float) learningRate == 0f) {
            throw Options.usage(spec, "--lr " + learningRate + " is 0 in the 32-bit floats training computes with,"
                    + " so no weight would change; use at least 1e-30 (typical: 0.0001 to 0.1)");
        }
        if (sparkMaster == null) {
            for (String sparkOnly : List.of("--partitions", "--average-every")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(sparkOnly)) {
                    throw Options.usage(spec, sparkOnly + " applies to training on Spark; add --spark MASTER or"
                            + " leave it out");
                }
            }
        } else if (SparkMasterUrl.problem(sparkMaster) != null) {
            throw Options.usage(spec, SparkMasterUrl.problem(sparkMaster));
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw Options.usage(spec, "--validation-split must be at least 0 and below 1, got " + validationSplit);
        }
        augmentation();
        techniques.check();
        String kind = Options.optimizer(spec, optimizer);
        ScheduleKind scheduleKind = Options.schedule(spec, schedule);
        PrintWriter stdout = spec.commandLine().getOut();
        if (sparkMaster != null) {
            return trainOnSpark(preset, kind, scheduleKind, stdout);
        }
        TrainingRecipe recipeOfPreset = preset == null ? null : preset.recipe().orElse(null);
        TrainingRecipe base = recipeOfPreset == null ? TrainingRecipe.EMPTY : recipeOfPreset;
        TrainingRecipe used = RecipeAssembly.used(spec, () -> given(augmentationOver(
                ImageAugmentation.parse(base.augmentation())).spec()), base);
        ImageAugmentation augmentation = ImageAugmentation.parse(used.augmentation());

        Backend backend = common.backend();
        Model.Loaded resumed = resume == null ? null : checkpoint(resume, backend);
        Model initial = initFrom == null ? null : ModelFiles.load(initFrom, backend);
        Model brought = resumed != null ? resumed.model() : initial;
        DatasetSource located = DatasetAccess.source(dataset, brought != null ? DatasetAccess.Wanted.forModel(brought)
                : DatasetAccess.Wanted.of(imageShape), new LoadReporter(stdout, spec.commandLine().getErr(),
                main.interactiveTerminal(), dataset));
        Dataset train = located.train();
        Dataset test = located.test();
        checkShift(train, used.augmentShift(), "--augment");
        checkShift(train, augmentation.cropPadding(), "--crop");
        Path modelFile = out != null ? out : resume != null ? resume : initFrom != null ? ModelFiles.sibling(initFrom, "-continued.cnn")
                : Path.of("runs", preset.id() + "-" + DatasetAccess.shortName(located) + ".cnn");
        ModelFiles.checkWritable(modelFile);
        Path chart = ModelFiles.sibling(modelFile, "-training.png");
        ModelSource source = resumed != null ? new ModelSource.Resumed(resumed, resume)
                : initial != null ? new ModelSource.InitializedFrom(initial, initFrom) : new ModelSource.Fresh(preset);
        boolean tagging = preset != null ? preset.tagged() : initial != null && initial.tagHead().isPresent();
        if (resumed != null) {
            used = (resumed.model().recipe() == null ? TrainingRecipe.EMPTY : resumed.model().recipe()).complete();
        }
        double split = used.validationSplit();
        if (tagging && resumed == null && !spec.commandLine().getParseResult().hasMatchedOption("--validation-split")) {
            split = TAGGER_VALIDATION;
            stdout.printf("holding out %.0f%% of the training images to choose each tag's threshold on"
                    + " (--validation-split sets how many)%n", split * 100);
        }
        TrainingPlan plan = resumed != null ? DatasetIdentity.check(resume, resumed.plan(), train, dataset, stdout)
                : new TrainingPlan(used.epochs(), used.batchSize(), seed, split, used.augmentShift(), located.name(),
                train.size(), augmentation.spec(), train.fingerprint());
        RecipeAssembly.requireValidation(spec, used, plan.validationSplit());
        if (recipeOfPreset != null || TechniqueOptions.NAMES.stream().anyMatch(spec.commandLine().getParseResult()::hasMatchedOption)) {
            stdout.println("training with: " + used.describe() + (recipeOfPreset == null ? "" : " (the recipe of "
                    + preset.id() + ", under the options given)"));
        }
        String architecture = preset != null ? preset.id() : "the model from " + (resume != null ? resume : initFrom);
        TrainingSettings settings = new TrainingSettings(source, plan, used, modelFile, checkpointEvery, chart);
        ProgressReporter progress = new ProgressReporter(spec.commandLine().getErr(), main.interactiveTerminal());
        TrainingResult result;
        try (OutputLock lock = OutputLock.acquire(modelFile, "--out");
             InterruptNotice notice = InterruptNotice.forCheckpoint(spec.commandLine().getErr(), modelFile)) {
            stdout.printf("training %s on %s (%,d training images, %,d test) on backend %s%n", architecture,
                    located.name(), train.size(), test.size(), common.describe(backend));
            stdout.flush();
            result = new TrainingRun(settings, backend, stdout, progress).run(train, test, notice);
        }
        result.stopReason().ifPresent(reason -> stdout.println("stopped early: " + reason));
        stdout.println("model: " + modelFile + (result.bestEpoch() > 0 ? " (epoch " + result.bestEpoch() + "'s, the best;"
                + " train further from it with --init-from " + modelFile + ")"
                : " (rewritten after every epoch; continue with --resume " + modelFile + ")"));
        stdout.println("chart: " + chart);
        if (result.testTags() != null) {
            stdout.printf(java.util.Locale.ROOT, "test tags: macro F1 %.4f, mAP %.4f, exact match %s (thresholds %s)%n",
                    result.testTags().macroF1(), result.testTags().meanAveragePrecision(),
                    Messages.percent(result.testTags().exactMatchRate()),
                    result.model().tagHead().orElseThrow().thresholds().isEmpty() ? "0.5 for every tag; no validation"
                            + " split to choose them on" : "chosen on the validation split");
        }
        stdout.println("test accuracy: " + Messages.percent(result.testEvaluation().accuracy()));
        return 0;
    }

    /** {@code --spark}: the run on Apache Spark ({@link SparkTraining}); Spark's classes load only here. */
    private int trainOnSpark(Preset preset, String kind, ScheduleKind scheduleKind, PrintWriter stdout) throws Exception {
        if (preset == null || resume != null || initFrom != null || validationSplit != 0 || augment != 0) {
            throw Options.usage(spec, "--spark trains a new run of a --model preset; it does not take --resume,"
                    + " --init-from, --validation-split or --augment yet");
        }
        for (String option : TechniqueOptions.NAMES) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw Options.usage(spec, "--spark trains with the optimizer, learning rate and schedule options only;"
                        + " it does not take " + option + " yet (nor a preset's recipe)");
            }
        }
        Options.atLeast(spec, "--partitions", partitions, 1);
        Options.atLeast(spec, "--average-every", averageEvery, 0);
        String unanswered = SparkMasterConnection.problem(sparkMaster, SparkMasterConnection.TIMEOUT);
        if (unanswered != null) {
            throw new CliFailure(unanswered);
        }
        DatasetSource located = DatasetAccess.source(dataset, DatasetAccess.Wanted.of(imageShape),
                new LoadReporter(stdout, spec.commandLine().getErr(), main.interactiveTerminal(), dataset));
        if (partitions > located.train().size()) {
            throw Options.usage(spec, "--partitions " + partitions + " is more than the " + located.train().size()
                    + " training images; give at most one partition per image (a few per executor core is typical)");
        }
        Path modelFile = out != null ? out : Path.of("runs", preset.id() + "-" + DatasetAccess.shortName(located) + "-spark.cnn");
        ModelFiles.checkWritable(modelFile);
        try (OutputLock lock = OutputLock.acquire(modelFile, "--out")) {
            return new SparkTraining(sparkMaster, partitions, averageEvery).run(preset, located, epochs, batchSize, kind,
                    learningRate, scheduleKind, seed, checkpointEvery, modelFile, common.backend(), stdout);
        } catch (NoClassDefFoundError e) {
            throw new CliFailure("--spark needs Apache Spark's jars on the classpath (missing " + e.getMessage()
                    + "); run through ./cnn, which adds them, or give them with CNN_EXTRA_CLASSPATH");
        }
    }

    /** The run options given on the command line, null where they were not. */
    private TrainingRecipe given(String augmentationSpec) {
        java.util.function.Predicate<String> given = spec.commandLine().getParseResult()::hasMatchedOption;
        return new TrainingRecipe(given.test("--epochs") ? epochs : null, given.test("--batch-size") ? batchSize : null,
                given.test("--optimizer") ? Options.optimizer(spec, optimizer) : null,
                given.test("--lr") ? learningRate : null, techniques.momentum, techniques.nesterov,
                techniques.weightDecay, given.test("--schedule") ? Options.schedule(spec, schedule).id() : null,
                techniques.warmUpEpochs, given.test("--augment") ? augment : null, augmentationSpec, techniques.labelSmoothing,
                techniques.ema, given.test("--validation-split") ? validationSplit : null, techniques.earlyStopping,
                techniques.keepBest);
    }

    /** The augmentation options given, by option name, over the parts of {@code base} they leave alone. */
    private ImageAugmentation augmentationOver(ImageAugmentation base) {
        java.util.function.Predicate<String> given = spec.commandLine().getParseResult()::hasMatchedOption;
        return new ImageAugmentation(given.test("--crop") ? crop : base.cropPadding(),
                given.test("--flip") ? flip : base.flip(), given.test("--rotate") ? rotate : base.rotationDegrees(),
                given.test("--scale") ? scale : base.scale(), given.test("--color-jitter") ? colorJitter
                : base.colorJitter(), techniques.randomErasing != null ? techniques.randomErasing : base.erasing());
    }

    /** A shift of half the image or more moves every digit off the picture: a typo, not an augmentation. */
    private void checkShift(Dataset train, int shift, String option) {
        var shape = train.sampleShape();
        int largest = (Math.min(shape.dim(-1), shape.dim(-2)) - 1) / 2;
        if (shift > largest) {
            throw Options.usage(spec, option + " " + shift + " would shift the " + shape.dim(-2) + "x" + shape.dim(-1)
                    + " images off the picture; use at most " + largest + " pixels (2 is usual)");
        }
    }

    /** The augmentation of {@code --crop}, {@code --flip}, {@code --rotate}, {@code --scale} and {@code --color-jitter}. */
    private ImageAugmentation augmentation() {
        Options.atLeast(spec, "--crop", crop, 0);
        if (!(rotate >= 0 && rotate <= 180)) {
            throw Options.usage(spec, "--rotate is 0 to 180 degrees, got " + rotate);
        }
        if (!(scale >= 0 && scale < 1)) {
            throw Options.usage(spec, "--scale is a fraction at least 0 and below 1, such as 0.1; got " + scale);
        }
        if (!(colorJitter >= 0 && colorJitter <= 1)) {
            throw Options.usage(spec, "--color-jitter is a fraction from 0 to 1, such as 0.2; got " + colorJitter);
        }
        return new ImageAugmentation(crop, flip, rotate, scale, colorJitter);
    }

    /** The checkpoint to resume, refusing every option that would change its run. */
    private Model.Loaded checkpoint(Path file, Backend backend) throws java.io.IOException {
        Model.Loaded loaded = ModelFiles.loadWithState(file, backend);
        if (loaded.plan() != null && loaded.optimizer() == null) {
            throw new CliFailure(file + " is not a whole checkpoint: it holds the plan of a run but not the whole state of"
                    + " its optimizer, so the run cannot go on where it stopped; start a new run from its weights with"
                    + " --init-from " + file);
        }
        if (loaded.plan() == null || loaded.optimizer() == null) {
            throw new CliFailure(file + " is not the checkpoint of a training run (it holds no optimizer state or run"
                    + " plan); start a new run from its weights with --init-from " + file);
        }
        TrainingPlan plan = loaded.plan();
        try {
            ImageAugmentation.parse(plan.augmentation());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(file + " is not a whole checkpoint: the augmentation of its run cannot be read ("
                    + e.getMessage() + "); it was damaged or edited; start a new run from its weights with --init-from "
                    + file);
        }
        var parsed = spec.commandLine().getParseResult();
        for (String option : RUN_OPTIONS) {
            if (parsed.hasMatchedOption(option) && !agrees(option, plan)) {
                String given = option + " " + parsed.matchedOptionValue(option, (Object) "");
                throw Options.usage(spec, given + " cannot be honoured by --resume, which continues the run saved in "
                        + file + " with its own settings (" + plan.epochs() + (plan.epochs() == 1 ? " epoch" : " epochs")
                        + ", batches of " + plan.batchSize() + ", seed " + plan.seed() + ", "
                        + OptimizerTypes.idOf(loaded.optimizer().config())
                        + "); drop " + option + ", or start a new run from its weights: ./cnn train --init-from " + file
                        + " --dataset " + dataset + " " + given);
            }
        }
        return loaded;
    }

    private boolean agrees(String option, TrainingPlan plan) {
        return switch (option) {
            case "--epochs" -> epochs == plan.epochs();
            case "--batch-size" -> batchSize == plan.batchSize();
            case "--seed" -> seed == plan.seed();
            case "--validation-split" -> validationSplit == plan.validationSplit();
            case "--augment" -> augment == plan.augmentShift();
            case "--crop" -> crop == ImageAugmentation.parse(plan.augmentation()).cropPadding();
            case "--flip" -> flip == ImageAugmentation.parse(plan.augmentation()).flip();
            case "--rotate" -> rotate == ImageAugmentation.parse(plan.augmentation()).rotationDegrees();
            case "--scale" -> scale == ImageAugmentation.parse(plan.augmentation()).scale();
            case "--color-jitter" -> colorJitter == ImageAugmentation.parse(plan.augmentation()).colorJitter();
            default -> false;
        };
    }
}
