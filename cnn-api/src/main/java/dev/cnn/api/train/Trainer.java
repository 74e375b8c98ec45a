package dev.cnn.api.train;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.HeadEvaluation;
import dev.cnn.api.eval.HeadEvaluator;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.loss.Targets;
import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import dev.cnn.api.network.Network;
import dev.cnn.api.optim.Optimizer;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Trains a network on a dataset: epochs of minibatches shuffled by a seeded generator, one optimizer
 * update per batch, listeners told after each batch and epoch. A network with several heads trains on the weighted
 * sum of their losses; the accuracy reported is that of the first class head (NaN when there is none). Stops with a
 * {@link TrainingDivergedException} as soon as the loss is NaN or infinite or has grown by orders of magnitude over its
 * start ({@link DivergenceGuard}). When the optimizer keeps a {@linkplain Optimizer#averageWeights moving average of
 * the weights} ({@link Builder#optWeightAverage}), the batches train the training weights, the validation after each
 * epoch scores the averaged ones, and when the run ends the network holds the averaged weights. Build one with
 * {@link #builder()}.
 */
public final class Trainer {
    private final Network network;
    private final List<Head> heads;
    private final Head accuracyHead;
    private final Optimizer optimizer;
    private final int epochs;
    private final int batchSize;
    private final long seed;
    private final List<TrainingListener> listeners;
    private final BatchTransform transform;
    private int epochsDone;
    private final long initialStep;
    /** The batch of images of the last step, overwritten by the next: only the network reads it, within the step. */
    private Tensor inputBuffer;
    private float[] featureBuffer;
    /** Watches the losses of the run {@link #fit} is doing. */
    private DivergenceGuard guard;

    private Trainer(Builder b) {
        this.network = Objects.requireNonNull(b.network, "setNetwork is required");
        this.heads = TrainerHeads.of(network, b.loss, b.heads);
        this.accuracyHead = this.heads.stream().filter(h -> h.loss().targets() == Targets.CLASS).findFirst().orElse(null);
        this.optimizer = b.optimizer != null ? b.optimizer
                : new Optimizer(Objects.requireNonNull(b.optimizerConfig, "setOptimizer is required"), network.parameters());
        if (b.weightAverage > 0 && optimizer.average() == null) {
            optimizer.averageWeights(b.weightAverage);
        }
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.seed = b.seed;
        this.epochsDone = b.initialEpoch;
        this.initialStep = b.initialStep;
        this.listeners = List.copyOf(b.listeners);
        this.transform = b.transform;
    }

    /**
     * Reads the checkpoint of a run (written by {@link Checkpoint} or {@code Model.save(file, optimizer, plan)}) to
     * continue it; on the cpu backend the continued run ends bit-identical to the one never stopped.
     *
     * @throws IllegalArgumentException when the file is a model without a run's optimizer state or plan
     */
    public static Resumption resume(Path checkpoint, Backend backend)
            throws IOException {
        return resume(Model.loadWithState(checkpoint, backend), checkpoint.toString());
    }

    /** As {@link #resume(Path, dev.cnn.api.backend.Backend)}, from a checkpoint already read. */
    public static Resumption resume(Model.Loaded checkpoint, String name) {
        if (checkpoint.plan() != null && checkpoint.optimizer() == null) {
            throw new IllegalArgumentException(name + " is not a whole checkpoint: it holds the plan of a run but not the"
                    + " whole state of its optimizer; start a new run from its weights instead");
        }
        if (checkpoint.optimizer() == null || checkpoint.plan() == null) {
            throw new IllegalArgumentException(name + " is not the checkpoint of a training run (it holds no optimizer"
                    + " state or run plan); start a new run from its weights instead");
        }
        Model model = checkpoint.model();
        TrainingPlan plan = checkpoint.plan();
        Builder builder = builder().setNetwork(model.network()).setHeads(model.heads()).optOptimizer(checkpoint.optimizer())
                .optEpochs(plan.epochs()).optBatchSize(plan.batchSize()).optSeed(plan.seed())
                .optInitialStep(checkpoint.optimizer().step());
        return new Resumption(model, plan, builder);
    }

    /** Starts a builder. Required: network, loss (or heads), optimizer. */
    public static Builder builder() {
        return new Builder();
    }

    /** The optimizer, whose state can be saved to resume training. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** How many batches one epoch over {@code size} images has. */
    public int batchesPerEpoch(int size) {
        return (size + batchSize - 1) / batchSize;
    }

    /**
     * One batch's forward pass in training mode and backward pass: the images of {@code data} at {@code indices}
     * (changed by the batch transform, if any, drawing from {@code random}), each head's loss against its targets, and
     * the parameters' gradients of the weighted total, left in the parameters (see {@link #flatParameters()}). The
     * weights do not change until {@link #applyGradients()}. The loss may be NaN or infinite: check
     * {@link StepResult#finite()} before applying. The step runs the network's
     * {@linkplain Network#forwardTransient transient} forward pass, so on a backend that writes into given tensors it
     * reuses the buffers of the last step.
     */
    public StepResult computeGradients(Dataset data, int[] indices, Random random) {
        if (optimizer.average() != null) {
            optimizer.average().useTrainingWeights();
        }
        var backend = network.backend();
        float[] features = data.gatherFeatures(indices, featureBuffer);
        featureBuffer = features;
        if (transform != null) {
            transform.apply(features, Batches.batchShape(data, indices.length), random);
        }
        inputBuffer = backend.tensorInto(features, Batches.batchShape(data, indices.length), inputBuffer);
        Map<String, Tensor> outputs = network.forwardTransient(Map.of(network.inputNames().get(0), inputBuffer), true);
        Map<String, Tensor> targets = new LinkedHashMap<>();
        for (Head head : heads) {
            targets.put(head.name(), Batches.targets(data, indices, head.loss(), outputs.get(head.name()).shape().dim(-1),
                    backend));
        }
        WeightedLoss loss = WeightedLoss.of(heads, outputs, targets);
        Map<String, Double> headLosses = new LinkedHashMap<>();
        loss.perHead().forEach((name, value) -> headLosses.put(name, value.value()));
        double total = loss.value();
        int correct = 0;
        if (Double.isFinite(total)) {
            network.backwardToParameters(loss.gradients());
            if (accuracyHead != null) {
                Tensor scored = outputs.get(accuracyHead.name());
                correct = Batches.countCorrect(scored.toArray(), scored.shape().dim(-1), data, indices);
            }
        }
        return new StepResult(total, headLosses, indices.length, correct);
    }

    /** Updates the weights with the optimizer from the gradients the parameters hold (computed, or set through {@link #flatParameters()}). */
    public void applyGradients() {
        optimizer.update();
    }

    /** A flat view of the network's parameters and gradients, in a fixed documented order. */
    public FlatParameters flatParameters() {
        return new FlatParameters(network.parameters());
    }

    /**
     * Runs the planned epochs on {@code train}, evaluating on {@code validation} after each (null for none).
     *
     * @throws TrainingDivergedException when the loss stops being a finite number or grows by orders of magnitude
     */
    public TrainingHistory fit(Dataset train, Dataset validation) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training dataset is empty; there is nothing to train on");
        }
        if (network.inputNames().size() != 1) {
            throw new IllegalArgumentException("the trainer feeds a dataset's images to a network with one input; this"
                    + " one has inputs " + network.inputNames() + "; train it with your own loop over forward(Map) and"
                    + " backwardToParameters(Map)");
        }
        if (!train.sampleShape().equals(network.inputShape())) {
            throw new ShapeMismatchException("the network takes inputs of shape " + network.inputShape()
                    + " but the dataset's images have shape " + train.sampleShape());
        }
        int batches = batchesPerEpoch(train.size());
        long start = initialStep >= 0 ? initialStep : (long) epochsDone * batches;
        epochsDone = (int) (start / batches);
        int firstBatch = (int) (start % batches);
        TrainingControl control = new TrainingControl();
        guard = new DivergenceGuard();
        RunStart run = new RunStart(epochs, epochsDone, start, batches, batchSize, train.size());
        listeners.forEach(l -> l.onRunBegin(run));
        List<EpochReport> reports = new ArrayList<>();
        while (epochsDone < epochs && control.stopReason().isEmpty()) {
            reports.add(runEpoch(++epochsDone, firstBatch, train, validation, control));
            firstBatch = 0;
        }
        TrainingHistory history = new TrainingHistory(reports, control.stopReason());
        if (optimizer.average() != null) {
            optimizer.average().useAveragedWeights();
        }
        listeners.forEach(l -> l.onRunEnd(history));
        return history;
    }

    /**
     * The random numbers of the batch transform for one batch, drawn from the seed, the epoch and the batch alone, so
     * that a run resumed at any step augments its remaining batches exactly as the uninterrupted run did.
     */
    private Random batchRandom(int epoch, int batch) {
        return new Random((seed * 1_000_003L + epoch) * 0x9E3779B97F4A7C15L + batch);
    }

    private EpochReport runEpoch(int epoch, int firstBatch, Dataset train, Dataset validation, TrainingControl control) {
        int[] order = Batches.shuffledIndices(train.size(), new Random(seed * 1_000_003L + epoch));
        listeners.forEach(l -> l.onEpochBegin(epoch, epochs));
        int batches = batchesPerEpoch(train.size());
        long start = System.nanoTime();
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        for (int batch = firstBatch; batch < batches; batch++) {
            int[] indices = Batches.slice(order, batch * batchSize, (batch + 1) * batchSize);
            int number = batch + 1;
            listeners.forEach(l -> l.onBatchBegin(epoch, number, batches));
            StepResult step = computeGradients(train, indices, batchRandom(epoch, batch));
            String which = step.headLosses().size() > 1 ? "(by head: " + step.headLosses() + ") " : "";
            guard.check(step.loss(), which + "at epoch " + epoch + ", batch " + (batch + 1) + " of " + batches
                    + " (learning rate " + optimizer.currentLearningRate() + ")");
            applyGradients();
            lossSum += step.loss() * indices.length;
            correct += step.correct();
            seen += indices.length;
            double seconds = (System.nanoTime() - start) / 1e9;
            BatchReport report = new BatchReport(epoch, epochs, batch + 1, batches, lossSum / seen,
                    accuracyHead == null ? Double.NaN : (double) correct / seen, seen / seconds, seconds);
            listeners.forEach(l -> l.onBatchEnd(report, control));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double validationLoss = Double.NaN;
        double validationAccuracy = Double.NaN;
        if (validation != null && validation.size() > 0) {
            Map<String, HeadEvaluation> evaluations;
            try (var averaged = optimizer.average() == null ? null : optimizer.average().averagedIn()) {
                evaluations = HeadEvaluator.evaluate(network, heads, validation, batchSize);
            }
            validationLoss = 0;
            for (Head head : heads) {
                validationLoss += head.weight() * evaluations.get(head.name()).loss();
            }
            if (accuracyHead != null) {
                validationAccuracy = evaluations.get(accuracyHead.name()).classes().accuracy();
            }
        }
        EpochReport report = new EpochReport(epoch, epochs, lossSum / seen,
                accuracyHead == null ? Double.NaN : (double) correct / seen, validationLoss,
                validationAccuracy, seen / seconds, seconds, optimizer.currentLearningRate());
        listeners.forEach(l -> l.onEpochEnd(report, control));
        return report;
    }

    /** Collects what a {@link Trainer} needs; {@code set...} values are required, {@code opt...} optional. */
    public static final class Builder {
        private Network network;
        private Loss loss;
        private final List<Head> heads = new ArrayList<>();
        private OptimizerConfig optimizerConfig;
        private Optimizer optimizer;
        private int epochs = 1;
        private int batchSize = 64;
        private long seed = 1;
        private int initialEpoch;
        private long initialStep = -1;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private BatchTransform transform;
        private double weightAverage;

        private Builder() {
        }

        /** Required: the network to train. */
        public Builder setNetwork(Network value) {
            this.network = value;
            return this;
        }

        /** Required (or {@link #addHead}): the loss to minimise, for a network with one output. */
        public Builder setLoss(Loss value) {
            this.loss = value;
            return this;
        }

        /**
         * Instead of {@link #setLoss}, for networks with several outputs: trains {@code output} with {@code loss}, its
         * value multiplied by {@code weight} in the total. Call once per trained output.
         */
        public Builder addHead(String output, Loss loss, double weight) {
            heads.add(new Head(output, loss, weight, List.of()));
            return this;
        }

        /** Instead of {@link #setLoss}: the heads of a model ({@link dev.cnn.api.model.Model#heads()}). */
        public Builder setHeads(List<Head> values) {
            heads.clear();
            heads.addAll(values);
            return this;
        }

        /** Required (or {@link #optOptimizer}): the optimizer's hyper-parameters; its state starts fresh. */
        public Builder setOptimizer(OptimizerConfig value) {
            this.optimizerConfig = value;
            return this;
        }

        /** Instead of {@link #setOptimizer}: an optimizer with state, to resume training. */
        public Builder optOptimizer(Optimizer value) {
            this.optimizer = value;
            return this;
        }

        /** Optional: the number of epochs (default 1). */
        public Builder optEpochs(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + value);
            }
            this.epochs = value;
            return this;
        }

        /** Optional: images per batch (default 64). */
        public Builder optBatchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, got " + value);
            }
            this.batchSize = value;
            return this;
        }

        /** Optional: the seed of shuffling and augmentation (default 1). */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Optional: epochs already done, when resuming (default 0). Each epoch's shuffle depends only on
         * the seed and the epoch number, so a resumed run sees the same batches as an uninterrupted one.
         */
        public Builder optInitialEpoch(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("initial epoch must not be negative, got " + value);
            }
            this.initialEpoch = value;
            return this;
        }

        /**
         * Optional: updates already done, when resuming from a checkpoint written within an epoch (default: those of
         * {@link #optInitialEpoch}). Training continues with the next batch of that epoch; shuffles and augmentation
         * depend only on the seed, the epoch and the batch, so the run goes on exactly as the uninterrupted one.
         */
        public Builder optInitialStep(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("initial step must not be negative, got " + value);
            }
            this.initialStep = value;
            return this;
        }

        /** Optional: listeners told of progress, in order. */
        public Builder optListener(TrainingListener... values) {
            listeners.addAll(List.of(values));
            return this;
        }

        /** Optional: a change applied to each training batch, such as augmentation. */
        public Builder optBatchTransform(BatchTransform value) {
            this.transform = value;
            return this;
        }

        /**
         * Optional: keeps a moving average of the weights with this decay ({@link Optimizer#averageWeights}), such as
         * 0.999, unless the optimizer keeps one already; 0 for none (the default).
         */
        public Builder optWeightAverage(double decay) {
            if (decay != 0 && !(decay > 0 && decay < 1)) {
                throw new IllegalArgumentException("the weight-average decay is above 0 and below 1, or 0 for none; got "
                        + decay);
            }
            this.weightAverage = decay;
            return this;
        }

        /** Makes the trainer. */
        public Trainer build() {
            return new Trainer(this);
        }
    }
}
