package dev.cnn.cli.training;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.TagTuning;
import dev.cnn.api.train.EpochScores;
import dev.cnn.api.train.TrainingCurve;
import dev.cnn.datasets.ImageAugmentation;
import dev.cnn.api.eval.Evaluation;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.optim.LearningRateSchedule;
import dev.cnn.api.optim.Optimizer;
import dev.cnn.api.train.BestEpoch;
import dev.cnn.api.train.Checkpoint;
import dev.cnn.api.train.EpochReport;
import dev.cnn.api.train.Trainer;
import dev.cnn.api.train.TrainingControl;
import dev.cnn.api.train.TrainingListener;
import dev.cnn.api.train.TrainingPlan;
import dev.cnn.cli.CliFailure;
import dev.cnn.datasets.PixelAugmentation;
import dev.cnn.viz.TrainingChart;
import dev.cnn.models.Preset;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One training run as the command line does it: normalise with the training pixels' statistics, train with a
 * seeded trainer, score the test split after every epoch, print a line per epoch, and rewrite the checkpoint and
 * the chart after every epoch.
 */
public final class TrainingRun {
    private final TrainingSettings settings;
    private final Backend backend;
    private final PrintWriter out;
    private final ProgressReporter progress;

    /**
     * @param settings what to train and how
     * @param backend  where to train (ignored for a resumed model, which is already on one)
     * @param out      receives one line per epoch
     * @param progress shows progress within epochs
     */
    public TrainingRun(TrainingSettings settings, Backend backend, PrintWriter out, ProgressReporter progress) {
        this.settings = settings;
        this.backend = backend;
        this.out = out;
        this.progress = progress;
    }

    /** Trains on {@code trainPixels} and scores on {@code testPixels}, both with pixels in [0, 1]. */
    public TrainingResult run(Dataset trainPixels, Dataset testPixels) throws IOException {
        return run(trainPixels, testPixels, CheckpointWatcher.NONE);
    }

    /** As {@link #run(Dataset, Dataset)}, telling {@code watcher} what the checkpoint on disk holds. */
    public TrainingResult run(Dataset trainPixels, Dataset testPixels, CheckpointWatcher watcher) throws IOException {
        TrainingPlan plan = settings.plan();
        if (trainPixels.size() == 0) {
            throw new CliFailure("the dataset has no training images; give one with a non-empty training split");
        }
        if (testPixels.size() == 0) {
            throw new CliFailure("the dataset has no test images; give one with a non-empty test split");
        }
        Dataset[] split = splitOffValidation(trainPixels);
        Dataset trainRaw = split[0];
        Model model;
        if (settings.source() instanceof ModelSource.Resumed resumed) {
            model = compatible(resumed.checkpoint().model(), trainPixels, "resume");
        } else if (settings.source() instanceof ModelSource.InitializedFrom init) {
            model = compatible(init.model(), trainPixels, "start from");
        } else {
            model = newModel(((ModelSource.Fresh) settings.source()).preset(), trainRaw);
        }
        if (!(settings.source() instanceof ModelSource.Resumed)) {
            model = RunTechniques.withLabelSmoothing(model, settings.recipe()).withRecipe(settings.recipe());
        }
        Normalization pre = model.preprocessing();
        Dataset train = normalize(trainRaw, pre);
        Dataset validation = split[1] == null ? null : normalize(split[1], pre);
        Dataset test = normalize(testPixels, pre);

        int batchesPerEpoch = (train.size() + plan.batchSize() - 1) / plan.batchSize();
        Optimizer optimizer = settings.source() instanceof ModelSource.Resumed resumed
                ? resumed.checkpoint().optimizer()
                : RunTechniques.optimizer(settings.recipe(), model, (long) batchesPerEpoch * plan.epochs(), batchesPerEpoch);
        if (settings.source() instanceof ModelSource.Resumed resumed) {
            refuseOtherSchedule(resumed.file(), optimizer.config().schedule(), batchesPerEpoch);
        }
        long stepsDone = optimizer.step();
        refuseFinished(stepsDone, batchesPerEpoch);
        if (stepsDone > 0) {
            String where = progressAt(stepsDone, batchesPerEpoch);
            out.println("resuming " + where);
            if (settings.source() instanceof ModelSource.Resumed resumed && settings.checkpoint() != null
                    && resumed.file().toAbsolutePath().equals(settings.checkpoint().toAbsolutePath())) {
                watcher.checkpointHolds(settings.checkpoint(), where);
            }
        }
        List<EpochScores> scores = new ArrayList<>();
        progress.planRun(plan.epochs());
        TrainingCurve curve = new TrainingCurve();
        EpochBookkeeper bookkeeper = new EpochBookkeeper(model, optimizer, validation, test, scores, curve);
        Trainer.Builder builder = settings.source() instanceof ModelSource.Resumed resumed
                ? Trainer.resume(resumed.checkpoint(), resumed.file().toString()).trainer()
                : Trainer.builder().setNetwork(model.network()).setHeads(model.heads()).optOptimizer(optimizer)
                .optEpochs(plan.epochs()).optBatchSize(plan.batchSize()).optSeed(plan.seed());
        builder.optListener(progress, curve, bookkeeper);
        BestEpoch keeper = RunTechniques.keeper(settings.recipe(), model, optimizer);
        RunTechniques.listeners(settings.recipe(), keeper).forEach(builder::optListener);
        if (settings.checkpoint() != null) {
            Checkpoint checkpoint = settings.checkpointEvery() > 0
                    ? Checkpoint.everySteps(settings.checkpointEvery(), settings.checkpoint(), bookkeeper::model, optimizer, plan)
                    : Checkpoint.everyEpoch(settings.checkpoint(), bookkeeper::model, optimizer, plan);
            builder.optListener(checkpoint.withListener((file, steps, epochs) ->
                    watcher.checkpointHolds(file, progressAt(steps, batchesPerEpoch))));
        }
        ImageAugmentation augmentation = ImageAugmentation.parse(plan.augmentation());
        if (plan.augmentShift() > 0 || !augmentation.isNone()) {
            builder.optBatchTransform(new PixelAugmentation(plan.augmentShift(), augmentation, pre));
        }
        Optional<String> stopReason;
        try {
            stopReason = builder.build().fit(train, validation).stopReason();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (bookkeeper.lastTest == null) {
            bookkeeper.score();
        }
        int bestEpoch = 0;
        if (keeper != null && keeper.bestEpoch() > 0) {
            bestEpoch = keeper.bestEpoch();
            bookkeeper.score();
            if (settings.checkpoint() != null) {
                bookkeeper.model.save(settings.checkpoint());
            }
            out.printf(Locale.ROOT, "best epoch: %d of %d (validation accuracy %.2f%%); the model holds its weights, test"
                    + " accuracy %.2f%%%n", bestEpoch, plan.epochs(), keeper.bestReport().validationAccuracy() * 100,
                    bookkeeper.lastTest.classes().accuracy() * 100);
        }
        return new TrainingResult(bookkeeper.model, optimizer, scores, bookkeeper.lastTest.classes(),
                bookkeeper.lastTest.tags(), stopReason, bestEpoch);
    }

    /** A resumed run must have updates left to do. */
    private void refuseFinished(long steps, int batchesPerEpoch) {
        TrainingPlan plan = settings.plan();
        if (steps >= (long) batchesPerEpoch * plan.epochs() && settings.source() instanceof ModelSource.Resumed resumed) {
            throw new CliFailure("the run in " + resumed.file() + " has finished " + (plan.epochs() == 1 ? "its only epoch"
                    : "all " + plan.epochs() + " of its epochs") + "; to train further from its weights, start a new run"
                    + " from them: ./cnn train --init-from " + resumed.file() + " --dataset " + plan.dataset()
                    + " --epochs N --out NEW_FILE");
        }
    }

    /**
     * A resumed run's learning-rate schedule must be the one the command line gives its plan: a schedule for a shorter
     * run would train the epochs past its end at a rate of 0 and report them as trained.
     */
    private void refuseOtherSchedule(java.nio.file.Path file, LearningRateSchedule saved, int batchesPerEpoch) {
        TrainingPlan plan = settings.plan();
        long total = (long) batchesPerEpoch * plan.epochs();
        if (ScheduleKind.fitting(saved, total, batchesPerEpoch).isEmpty()) {
            throw new CliFailure(String.format(Locale.ROOT, "%s is not a whole checkpoint: its learning-rate schedule (%s)"
                    + " is not one of its plan (%d epoch%s of %,d batches, %,d updates: constant, %s or %s); it was"
                    + " damaged or edited; start a new run from its weights: ./cnn train --init-from %s --dataset %s"
                    + " --out NEW_FILE", file, ScheduleKind.describe(saved), plan.epochs(), plan.epochs() == 1 ? "" : "s",
                    batchesPerEpoch, total, ScheduleKind.describe(ScheduleKind.COSINE.schedule(total, batchesPerEpoch)),
                    ScheduleKind.describe(ScheduleKind.STEP.schedule(total, batchesPerEpoch)), file, plan.dataset()));
        }
    }

    /** Where a run stands after {@code steps} updates: {@code after epoch 1 of 3} or {@code at batch 41 of epoch 2 of 3}. */
    private String progressAt(long steps, int batchesPerEpoch) {
        int epochs = settings.plan().epochs();
        long whole = steps / batchesPerEpoch;
        long batch = steps % batchesPerEpoch;
        return batch == 0 ? String.format(Locale.ROOT, "after epoch %d of %d", whole, epochs)
                : String.format(Locale.ROOT, "after batch %d of epoch %d of %d", batch, whole + 1, epochs);
    }

    private Dataset[] splitOffValidation(Dataset data) {
        double fraction = settings.plan().validationSplit();
        if (fraction <= 0) {
            return new Dataset[] {data, null};
        }
        try {
            return data.split(fraction, settings.plan().seed() ^ 0x5EEDL);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--validation-split: " + e.getMessage());
        }
    }

    private Model newModel(Preset preset, Dataset trainRaw) {
        if (preset.tagged() && !trainRaw.hasTags()) {
            throw new CliFailure(preset.id() + " learns tags as well as classes, but the dataset has no tags; train it on"
                    + " a tagged dataset (--dataset shapes, or an image folder with a tags.csv)");
        }
        int classes = trainRaw.classNames().size();
        GraphNetwork network = preset.tagged()
                ? preset.build(trainRaw.sampleShape(), classes, trainRaw.tagNames().size(), backend, settings.plan().seed())
                : preset.build(trainRaw.sampleShape(), classes, backend, settings.plan().seed());
        return new Model(network, preset.heads(trainRaw.classNames(), trainRaw.tagNames()), Normalization.fit(trainRaw));
    }

    private Model compatible(Model model, Dataset trainPixels, String verb) {
        if (model.classHead().isEmpty() || !(model.classHead().get().loss() instanceof dev.cnn.api.loss.SoftmaxCrossEntropy)) {
            throw new CliFailure("the model to " + verb + " is trained with " + model.heads().stream()
                    .map(h -> h.loss().id()).distinct().toList()
                    + "; the command line trains single-label classifiers (softmax_cross_entropy) only");
        }
        DatasetFit.require(model, trainPixels, "the dataset", "use the kind of data the model to " + verb
                + " was trained on");
        if (settings.source() instanceof ModelSource.Resumed && trainPixels.size() != settings.plan().trainingImages()) {
            throw new CliFailure("the run to resume trained on " + settings.plan().trainingImages() + " images of "
                    + settings.plan().dataset() + ", but this dataset has " + trainPixels.size() + "; resume on the same"
                    + " dataset, or start a new run from the weights with --init-from");
        }
        return model;
    }

    private static Dataset normalize(Dataset data, Normalization pre) {
        return data.normalized(pre);
    }

    /**
     * After each epoch: chooses the tag thresholds on the validation split (when the model has a tag head), scores the
     * test split, prints the epoch's line and redraws the chart. Runs before the checkpoint, which saves
     * {@link #model()} with the thresholds just chosen.
     */
    private final class EpochBookkeeper implements TrainingListener {
        private final Dataset validation;
        private final Dataset test;
        private final List<EpochScores> scores;
        private final TrainingCurve curve;
        private volatile Model model;
        /** Whose weight average, if any, is what the epochs are scored with. */
        private final Optimizer optimizer;
        private ModelScores lastTest;

        EpochBookkeeper(Model model, Optimizer optimizer, Dataset validation, Dataset test, List<EpochScores> scores,
                        TrainingCurve curve) {
            this.model = model;
            this.optimizer = optimizer;
            this.validation = validation;
            this.test = test;
            this.scores = scores;
            this.curve = curve;
        }

        /** The model as it stands: the tag head with the thresholds chosen after the last epoch. */
        Model model() {
            return model;
        }

        /** Tunes the thresholds and scores the test split with them. */
        void score() {
            var average = optimizer.average();
            try (var averaged = average == null ? null : average.averagedIn()) {
                model = TagTuning.tuned(model, validation, settings.plan().batchSize());
                lastTest = ModelScores.of(model, test, settings.plan().batchSize());
            }
        }

        @Override
        public void onEpochEnd(EpochReport r, TrainingControl control) {
            score();
            Evaluation evaluation = lastTest.classes();
            EpochScores s = new EpochScores(r.epoch(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(),
                    r.validationAccuracy(), lastTest.loss(), evaluation.accuracy(), r.imagesPerSecond(), r.seconds());
            scores.add(s);
            out.println(describe(s));
            out.flush();
            try {
                if (settings.chart() != null) {
                    TrainingChart.write(scores, curve.points(), settings.chart());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String describe(EpochScores s) {
            String validation = s.hasValidation()
                    ? String.format(Locale.ROOT, ", validation accuracy %.2f%%", s.validationAccuracy() * 100) : "";
            String tags = lastTest.tags() == null ? ""
                    : String.format(Locale.ROOT, ", test tag F1 %.4f (mAP %.4f)", lastTest.tags().macroF1(),
                    lastTest.tags().meanAveragePrecision());
            return String.format(Locale.ROOT,
                    "epoch %d/%d: loss %.4f, train accuracy %.2f%%%s, test accuracy %.2f%%%s, %,.0f images/s, %.1f s",
                    s.epoch(), settings.plan().epochs(), s.trainLoss(), s.trainAccuracy() * 100, validation,
                    s.testAccuracy() * 100, tags, s.imagesPerSecond(), s.seconds());
        }
    }
}
