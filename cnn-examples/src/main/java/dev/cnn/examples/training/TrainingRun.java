package dev.cnn.examples.training;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.Evaluation;
import dev.cnn.api.eval.Evaluator;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Preprocessing;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.optim.Optimizer;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.Batches;
import dev.cnn.api.train.EpochReport;
import dev.cnn.api.train.Trainer;
import dev.cnn.api.train.TrainingControl;
import dev.cnn.api.train.TrainingHistory;
import dev.cnn.api.train.TrainingListener;
import dev.cnn.examples.CliFailure;
import dev.cnn.examples.pictures.TrainingChart;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

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
        Dataset[] split = splitOffValidation(trainPixels);
        Dataset trainRaw = split[0];
        Model model = settings.resumeFrom() != null ? resumedModel(trainPixels) : newModel(trainRaw);
        Preprocessing pre = model.preprocessing();
        Dataset train = normalize(trainRaw, pre);
        Dataset validation = split[1] == null ? null : normalize(split[1], pre);
        Dataset test = normalize(testPixels, pre);

        int batchesPerEpoch = (train.size() + settings.batchSize() - 1) / settings.batchSize();
        Optimizer optimizer = settings.resumeFrom() != null && settings.resumeFrom().optimizer() != null
                ? settings.resumeFrom().optimizer()
                : new Optimizer(optimizerConfig((long) batchesPerEpoch * settings.epochs(), batchesPerEpoch),
                model.network().parameters());
        int epochsDone = (int) Math.min(settings.epochs(), optimizer.step() / Math.max(1, batchesPerEpoch));
        int epochsLeft = settings.epochs() - epochsDone;
        if (epochsDone > 0) {
            out.printf(Locale.ROOT, "resuming after epoch %d of %d%n", epochsDone, settings.epochs());
        }
        List<EpochScores> scores = new ArrayList<>();
        Evaluation[] lastTest = new Evaluation[1];
        Optional<String> stopReason = Optional.empty();
        if (epochsLeft > 0) {
            progress.planRun(epochsDone, settings.epochs());
            TrainingCurve curve = new TrainingCurve();
            curve.startAt(epochsDone);
            EpochBookkeeper bookkeeper = new EpochBookkeeper(model, optimizer, test, epochsDone, scores, lastTest, curve);
            Trainer.Builder builder = Trainer.builder().setNetwork(model.network()).setLoss(model.loss())
                    .optOptimizer(optimizer).optEpochs(epochsLeft).optBatchSize(settings.batchSize())
                    .optSeed(settings.seed() + epochsDone).optListener(progress, curve, bookkeeper);
            if (settings.augmentShift() > 0) {
                builder.optBatchTransform(new ShiftAugmentation(settings.augmentShift(), pre));
            }
            try {
                TrainingHistory history = builder.build().fit(train, validation);
                stopReason = history.stopReason();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        } else {
            out.printf(Locale.ROOT, "all %d epochs are done already; raise --epochs to train more%n", settings.epochs());
            lastTest[0] = Evaluator.evaluate(model.network(), model.loss(), test, settings.batchSize());
        }
        return new TrainingResult(model, optimizer, scores, lastTest[0], stopReason);
    }

    private Dataset[] splitOffValidation(Dataset data) {
        if (settings.validationSplit() <= 0) {
            return new Dataset[] {data, null};
        }
        int held = (int) Math.round(data.size() * settings.validationSplit());
        if (held < 1 || held >= data.size()) {
            throw new CliFailure("--validation-split " + settings.validationSplit() + " leaves no images to "
                    + (held < 1 ? "validate on" : "train on") + " among " + data.size());
        }
        int[] order = Batches.shuffledIndices(data.size(), new Random(settings.seed() ^ 0x5EEDL));
        return new Dataset[] {data.select(Arrays.copyOfRange(order, held, order.length)),
            data.select(Arrays.copyOfRange(order, 0, held))};
    }

    private Model newModel(Dataset trainRaw) {
        GraphNetwork network = settings.preset().build(trainRaw.sampleShape(), trainRaw.classNames().size(), backend,
                settings.seed());
        return new Model(network, Loss.SOFTMAX_CROSS_ENTROPY, trainRaw.classNames(), PixelStatistics.of(trainRaw));
    }

    private Model resumedModel(Dataset trainPixels) {
        Model model = settings.resumeFrom().model();
        if (!Loss.SOFTMAX_CROSS_ENTROPY.equals(model.loss())) {
            throw new CliFailure("the model to resume is trained with " + model.loss().id()
                    + "; the command line trains single-label classifiers (softmax_cross_entropy) only");
        }
        if (!model.inputShape().equals(trainPixels.sampleShape()) || model.classNames().size() != trainPixels.classNames().size()) {
            throw new CliFailure("the model to resume takes images of shape " + model.inputShape() + " in "
                    + model.classNames().size() + " classes, but the dataset has images of shape " + trainPixels.sampleShape()
                    + " in " + trainPixels.classNames().size() + " classes; resume on the dataset it was trained on");
        }
        return model;
    }

    private OptimizerConfig optimizerConfig(long totalSteps, long stepsPerEpoch) {
        return OptimizerConfig.of(settings.optimizer(), settings.learningRate())
                .withSchedule(settings.schedule().schedule(totalSteps, stepsPerEpoch));
    }

    private static Dataset normalize(Dataset data, Preprocessing pre) {
        return data.normalized((float) pre.mean(), (float) pre.std());
    }

    /** After each epoch: scores the test split, prints the epoch's line, rewrites the checkpoint and the chart. */
    private final class EpochBookkeeper implements TrainingListener {
        private final Model model;
        private final Optimizer optimizer;
        private final Dataset test;
        private final int epochOffset;
        private final List<EpochScores> scores;
        private final Evaluation[] lastTest;
        private final TrainingCurve curve;

        EpochBookkeeper(Model model, Optimizer optimizer, Dataset test, int epochOffset, List<EpochScores> scores,
                        Evaluation[] lastTest, TrainingCurve curve) {
            this.curve = curve;
            this.model = model;
            this.optimizer = optimizer;
            this.test = test;
            this.epochOffset = epochOffset;
            this.scores = scores;
            this.lastTest = lastTest;
        }

        @Override
        public void onEpochEnd(EpochReport r, TrainingControl control) {
            Evaluation evaluation = Evaluator.evaluate(model.network(), model.loss(), test, settings.batchSize());
            lastTest[0] = evaluation;
            EpochScores s = new EpochScores(r.epoch() + epochOffset, r.trainLoss(), r.trainAccuracy(), r.validationLoss(),
                    r.validationAccuracy(), evaluation.loss(), evaluation.accuracy(), r.imagesPerSecond(), r.seconds());
            scores.add(s);
            out.println(describe(s));
            out.flush();
            try {
                if (settings.checkpoint() != null) {
                    model.save(settings.checkpoint(), optimizer);
                }
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
            return String.format(Locale.ROOT,
                    "epoch %d/%d: loss %.4f, train accuracy %.2f%%%s, test accuracy %.2f%%, %,.0f images/s, %.1f s",
                    s.epoch(), settings.epochs(), s.trainLoss(), s.trainAccuracy() * 100, validation,
                    s.testAccuracy() * 100, s.imagesPerSecond(), s.seconds());
        }
    }
}
