package dev.cnn.spark;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.HeadEvaluator;
import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import dev.cnn.api.optim.Optimizer;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.FlatParameters;
import dev.cnn.api.train.DivergenceGuard;
import dev.cnn.api.train.TrainingPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * Trains a {@link Model} data-parallel on Apache Spark. The driver owns the network's parameters and the optimizer
 * (its state and step, so the learning-rate schedule follows the global step); the executors get the network as
 * JSON ({@link NetworkSpec}) and its parameters as one flat {@code float[]}, build a replica per partition on their
 * own best backend, and compute gradients ({@link Strategy#gradientAveraging()}) or local steps
 * ({@link Strategy#parameterAveraging(int)}) on their partition's share of each global batch ({@link ShardPlan}).
 *
 * <p>Fault tolerance: with {@link SparkTrainerBuilder#optCheckpoint} the driver writes our model file (with optimizer state and
 * {@link TrainingPlan}) every N steps and at each epoch's end; when a Spark job fails (a task throws past Spark's own
 * retries, an executor is lost) or runs past {@link SparkTrainerBuilder#optStepTimeout} (it is then cancelled), the driver says so,
 * reads the last checkpoint back and continues from its step, up to {@link SparkTrainerBuilder#optMaxRecoveries} times. Each
 * global step's batches depend only on the seed and the step, so the resumed run sees the same batches.
 *
 * <p>A model with a tag head besides its class head (such as the tagger preset) trains both heads, on a dataset with
 * tags ({@link #fit(Dataset, int)}); its validation accuracy is its class head's.
 *
 * <p>Build one with {@link #builder()}, then call {@link #fit(JavaRDD)} or {@link #fit(Dataset, int)}.
 */
public final class SparkTrainer {
    private final JavaSparkContext sc;
    private final Model model;
    private final Head classHead;
    private final OptimizerConfig optimizerConfig;
    private final Strategy strategy;
    private final int epochs;
    private final int batchSize;
    private final long seed;
    private final String checkpoint;
    private final long checkpointEvery;
    private final Duration stepTimeout;
    private final int maxRecoveries;
    private final Dataset validation;
    private final Consumer<String> log;
    private final Consumer<SparkEpochReport> onEpoch;
    private final ExecutorHook hook;
    private final String datasetName;
    private final String datasetFingerprint;
    private final Optimizer optimizer;

    SparkTrainer(SparkTrainerBuilder b) {
        this.sc = Objects.requireNonNull(b.sc, "setContext is required");
        this.model = Objects.requireNonNull(b.model, "setModel is required");
        this.classHead = model.classHead().orElseThrow(() -> new IllegalArgumentException("Spark trains on labelled"
                + " images, so the model needs a class head (softmax_cross_entropy); its heads are " + model.heads()));
        this.optimizerConfig = Objects.requireNonNull(b.optimizer, "setOptimizer is required");
        this.strategy = Objects.requireNonNull(b.strategy, "setStrategy is required");
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.seed = b.seed;
        this.checkpoint = b.checkpoint;
        this.checkpointEvery = b.checkpointEvery;
        this.stepTimeout = b.stepTimeout;
        this.maxRecoveries = b.maxRecoveries;
        this.validation = b.validation;
        this.log = b.log;
        this.onEpoch = b.onEpoch;
        this.hook = b.hook;
        this.datasetName = b.datasetName;
        this.datasetFingerprint = b.datasetFingerprint;
        this.optimizer = new Optimizer(optimizerConfig, model.network().parameters());
    }

    /** Starts a builder. Required: context, model, optimizer, strategy. */
    public static SparkTrainerBuilder builder() {
        return new SparkTrainerBuilder();
    }

    /** The driver's optimizer, with the state after training. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * Trains on {@code data}, split on the driver into {@code partitions} contiguous shards. The shards are shipped to
     * the executors once and then kept there (a local checkpoint of the RDD), so no step re-sends the images.
     */
    public SparkTrainingHistory fit(Dataset data, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("give at least 1 partition, got " + partitions);
        }
        model.tagHead().ifPresent(tagHead -> {
            int width = model.network().outputShape(tagHead.name()).dim(-1);
            if (!data.hasTags() || data.tagNames().size() != width) {
                throw new IllegalArgumentException("the model's tag head '" + tagHead.name() + "' learns " + width
                        + " tags but the dataset has " + (data.hasTags() ? data.tagNames().size() + " tags" : "no tags")
                        + "; train it on images with those tags");
            }
        });
        List<Shard> shards = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            shards.add(Shard.of(data, (int) ((long) p * data.size() / partitions),
                    (int) ((long) (p + 1) * data.size() / partitions)));
        }
        sc.setJobDescription("cnn: ship " + data.size() + " images to " + partitions + " partitions");
        JavaRDD<Shard> rdd = sc.parallelize(shards, partitions).setName("cnn training shards");
        rdd.persist(StorageLevel.MEMORY_AND_DISK());
        rdd.rdd().localCheckpoint();
        rdd.count();
        try {
            return train(rdd);
        } finally {
            rdd.unpersist(false);
        }
    }

    /**
     * Trains on the labelled images of {@code images}, one shard per partition (packed once and cached with
     * {@code MEMORY_AND_DISK}). The pixels must match the network's input shape, already normalised.
     */
    public SparkTrainingHistory fit(JavaRDD<LabelledImage> images) {
        if (model.tagHead().isPresent()) {
            throw new IllegalArgumentException("the model has a tag head, and a LabelledImage carries a class but no"
                    + " tags; train it with fit(Dataset, partitions) on a dataset with tags");
        }
        int[] dims = model.network().inputShape().dims();
        int classes = model.network().outputShape(classHead.name()).dim(-1);
        JavaRDD<Shard> shards = images.mapPartitions(it -> List.of(Shard.of(it, dims, classes)).iterator(), true)
                .setName("cnn training shards");
        shards.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return train(shards);
        } finally {
            shards.unpersist(false);
        }
    }

    private SparkTrainingHistory train(JavaRDD<Shard> shards) {
        sc.setJobDescription("cnn: count the images of each partition");
        int[] sizes = shards.map(Shard::size).collect().stream().mapToInt(Integer::intValue).toArray();
        ShardPlan plan = new ShardPlan(sizes, batchSize, seed);
        TrainingPlan trainingPlan = new TrainingPlan(epochs, batchSize, seed, 0, 0, datasetName, plan.totalImages(),
                "none", datasetFingerprint);
        String runId = UUID.randomUUID().toString();
        NetworkSpec spec = NetworkSpec.of(model, optimizerConfig);
        FlatParameters flat = new FlatParameters(model.network().parameters());
        CheckpointStore store = checkpoint == null ? null : new CheckpointStore(checkpoint, sc.hadoopConfiguration());
        ExecutorService submitter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cnn-spark-step");
            t.setDaemon(true);
            return t;
        });
        long totalSteps = (long) epochs * plan.stepsPerEpoch();
        log.accept(String.format(Locale.ROOT, "training on Spark (%s, %s): %d images in %d partitions, global batch %d,"
                        + " %d steps per epoch, %d epochs, %d parameters", sc.master(), strategy, plan.totalImages(),
                sizes.length, batchSize, plan.stepsPerEpoch(), epochs, flat.size()));
        List<SparkEpochReport> reports = new ArrayList<>();
        int recoveries = 0;
        long step = optimizer.step();
        if (store != null) {
            writeCheckpoint(store, trainingPlan);
        }
        DivergenceGuard guard = new DivergenceGuard();
        try {
            EpochStats stats = new EpochStats(plan.stepsPerEpoch());
            while (step < totalSteps) {
                int epoch = plan.epochOf(step);
                long epochEnd = (long) epoch * plan.stepsPerEpoch();
                int steps = (int) Math.min(strategy.stepsPerJob(), epochEnd - step);
                String description = strategy instanceof Strategy.GradientAveraging
                        ? String.format(Locale.ROOT, "cnn: gradient step %d of %d (epoch %d)", step + 1, totalSteps, epoch)
                        : String.format(Locale.ROOT, "cnn: local steps %d-%d of %d (epoch %d)", step + 1, step + steps,
                        totalSteps, epoch);
                long started = System.nanoTime();
                Contribution sum;
                try {
                    sum = runJob(submitter, shards, runId, spec, plan, flat, step, steps, description);
                } catch (StageFailure failure) {
                    recoveries++;
                    stats.recoveries++;
                    if (store == null) {
                        throw new IllegalStateException("a Spark stage failed at step " + (step + 1) + " and there is no"
                                + " checkpoint to resume from; set one with optCheckpoint(location, everySteps)",
                                failure.getCause());
                    }
                    if (recoveries > maxRecoveries) {
                        throw new IllegalStateException("a Spark stage failed at step " + (step + 1) + " after "
                                + maxRecoveries + " recoveries; giving up (raise optMaxRecoveries, or fix the cause)",
                                failure.getCause());
                    }
                    long resumed = restore(store);
                    log.accept(String.format(Locale.ROOT, "stage failed at step %d (%s); resuming from the checkpoint"
                                    + " %s at step %d (recovery %d of at most %d)", step + 1, failure.summary(),
                            store.location(), resumed, recoveries, maxRecoveries));
                    stats.forgetFrom((int) (resumed - (long) (plan.epochOf(resumed) - 1) * plan.stepsPerEpoch()),
                            plan.epochOf(resumed) == epoch);
                    step = resumed;
                    continue;
                }
                guard.check(sum.lossSum / Math.max(1, sum.images), "at step " + (step + 1) + " (learning rate "
                        + optimizer.currentLearningRate() + ")");
                long stepped = apply(sum, flat, step, steps);
                long wall = System.nanoTime() - started;
                stats.record((int) (step - (long) (epoch - 1) * plan.stepsPerEpoch()), sum, wall, steps);
                long before = step;
                step = stepped;
                if (store != null && step < epochEnd && checkpointEvery > 0
                        && step / checkpointEvery > before / checkpointEvery) {
                    writeCheckpoint(store, trainingPlan);
                }
                if (step == epochEnd) {
                    double validationAccuracy = validation == null || validation.size() == 0 ? Double.NaN
                            : HeadEvaluator.evaluate(model.network(), List.of(classHead), validation, 256)
                            .get(classHead.name()).classes().accuracy();
                    SparkEpochReport report = stats.report(epoch, epochs, validationAccuracy);
                    reports.add(report);
                    log.accept(report.line());
                    onEpoch.accept(report);
                    if (store != null) {
                        writeCheckpoint(store, trainingPlan);
                    }
                    stats = new EpochStats(plan.stepsPerEpoch());
                }
            }
        } finally {
            submitter.shutdownNow();
            ReplicaCache.forget(runId);
        }
        return new SparkTrainingHistory(reports, step, recoveries);
    }

    private Contribution runJob(ExecutorService submitter, JavaRDD<Shard> shards, String runId, NetworkSpec spec,
                                ShardPlan plan, FlatParameters flat, long step, int steps, String description)
            throws StageFailure {
        String group = "cnn-" + runId + "-" + step;
        Future<Contribution> future = submitter.submit(() -> {
            sc.setJobGroup(group, description, true);
            Broadcast<?> broadcast = null;
            try {
                JavaRDD<Contribution> parts;
                if (strategy instanceof Strategy.GradientAveraging) {
                    Broadcast<float[]> values = sc.broadcast(flat.values());
                    broadcast = values;
                    parts = shards.mapPartitionsWithIndex(new GradientTask(runId, spec, plan, values, step, hook), true);
                } else {
                    Broadcast<RoundStart> start = sc.broadcast(new RoundStart(flat.values(),
                            new java.util.LinkedHashMap<>(optimizer.exportState()), step));
                    broadcast = start;
                    parts = shards.mapPartitionsWithIndex(new LocalStepsTask(runId, spec, plan, start, steps, hook), true);
                }
                parts.setName(description);
                return parts.treeAggregate(Contribution.zero(), Contribution::plus, Contribution::plus, 2);
            } finally {
                sc.clearJobGroup();
                if (broadcast != null) {
                    broadcast.destroy();
                }
            }
        });
        try {
            return future.get(stepTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sc.cancelJobGroup(group);
            future.cancel(true);
            throw new StageFailure("no answer from every partition within " + stepTimeout.toSeconds()
                    + " s; the job was cancelled", e);
        } catch (ExecutionException e) {
            throw new StageFailure(firstLine(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sc.cancelJobGroup(group);
            throw new IllegalStateException("interrupted while waiting for step " + (step + 1), e);
        }
    }

    private static String firstLine(Throwable t) {
        String message = String.valueOf(t.getMessage());
        int newline = message.indexOf('\n');
        return t.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }

    /** Applies the summed contribution of one job; returns the global step after it. */
    private long apply(Contribution sum, FlatParameters flat, long step, int steps) {
        if (sum.images == 0) {
            return step + steps;
        }
        float scale = 1f / sum.images;
        for (int i = 0; i < sum.weightedSum.length; i++) {
            sum.weightedSum[i] *= scale;
        }
        if (strategy instanceof Strategy.GradientAveraging) {
            flat.setGradients(sum.weightedSum);
            optimizer.update();
            return optimizer.step();
        }
        flat.setValues(sum.weightedSum);
        sum.weightedState.values().forEach(values -> {
            for (int i = 0; i < values.length; i++) {
                values[i] *= scale;
            }
        });
        optimizer.restoreState(step + steps, sum.weightedState);
        return step + steps;
    }

    private void writeCheckpoint(CheckpointStore store, TrainingPlan plan) {
        try {
            long started = System.nanoTime();
            long bytes = store.save(model, optimizer, plan);
            log.accept(String.format(Locale.ROOT, "checkpoint at step %d: %s (%.1f MB, %.0f ms)", optimizer.step(),
                    store.location(), bytes / 1e6, (System.nanoTime() - started) / 1e6));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + store.location() + ": " + e.getMessage(), e);
        }
    }

    private long restore(CheckpointStore store) {
        try {
            Model.Loaded loaded = store.load(model.network().backend());
            new FlatParameters(model.network().parameters())
                    .setValues(new FlatParameters(loaded.model().network().parameters()).values());
            Map<String, float[]> state = loaded.optimizer().exportState();
            optimizer.restoreState(loaded.optimizer().step(), state);
            return optimizer.step();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + store.location() + " to resume: "
                    + e.getMessage(), e);
        }
    }

    /** A failed or timed-out Spark job. */
    private static final class StageFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final String summary;

        StageFailure(String summary, Throwable cause) {
            super(summary, cause);
            this.summary = summary;
        }

        String summary() {
            return summary;
        }
    }
}
