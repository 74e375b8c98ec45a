package dev.cnn.spark;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.model.Model;
import dev.cnn.api.optim.OptimizerConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;

/** Collects what {@link SparkTrainer} needs; {@code set...} values are required, {@code opt...} optional. */
public final class SparkTrainerBuilder {
    JavaSparkContext sc;
    Model model;
    OptimizerConfig optimizer;
    Strategy strategy;
    int epochs = 1;
    int batchSize = 64;
    long seed = 1;
    String checkpoint;
    long checkpointEvery;
    Duration stepTimeout = Duration.ofMinutes(30);
    int maxRecoveries = 3;
    Dataset validation;
    Consumer<String> log = System.out::println;
    Consumer<SparkEpochReport> onEpoch = r -> { };
    ExecutorHook hook = ExecutorHook.none();
    String datasetName = "spark";
    String datasetFingerprint;

    SparkTrainerBuilder() {
    }

    /** Required: the Spark context to run on. */
    public SparkTrainerBuilder setContext(JavaSparkContext value) {
        this.sc = value;
        return this;
    }

    /** Required: the model to train; its network (on the driver) holds the trained parameters afterwards. */
    public SparkTrainerBuilder setModel(Model value) {
        this.model = value;
        return this;
    }

    /** Required: the optimizer's settings, including its learning-rate schedule (over global steps). */
    public SparkTrainerBuilder setOptimizer(OptimizerConfig value) {
        this.optimizer = value;
        return this;
    }

    /** Required: gradient averaging or parameter averaging. */
    public SparkTrainerBuilder setStrategy(Strategy value) {
        this.strategy = value;
        return this;
    }

    /** Optional: epochs (default 1). */
    public SparkTrainerBuilder optEpochs(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + value);
        }
        this.epochs = value;
        return this;
    }

    /** Optional: the global batch size, split over the partitions in proportion to their images (default 64). */
    public SparkTrainerBuilder optBatchSize(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + value);
        }
        this.batchSize = value;
        return this;
    }

    /** Optional: the seed of the shuffles (default 1). */
    public SparkTrainerBuilder optSeed(long value) {
        this.seed = value;
        return this;
    }

    /**
     * Optional: write a checkpoint to {@code location} (a local path, or a Hadoop filesystem URI such as
     * {@code hdfs://namenode/runs/a.cnn}) at the start, every {@code everySteps} steps (0: only at epoch ends)
     * and at each epoch's end; failed stages resume from it.
     */
    public SparkTrainerBuilder optCheckpoint(String location, long everySteps) {
        if (everySteps < 0) {
            throw new IllegalArgumentException("checkpoint every " + everySteps + " steps makes no sense; give 0"
                    + " (epoch ends only) or more");
        }
        this.checkpoint = Objects.requireNonNull(location, "location");
        this.checkpointEvery = everySteps;
        return this;
    }

    /** Optional: how long one Spark job (a step, or a round of local steps) may take before it is cancelled and
     *  treated as failed (default 30 minutes). */
    public SparkTrainerBuilder optStepTimeout(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the step timeout must be positive, got " + value);
        }
        this.stepTimeout = value;
        return this;
    }

    /** Optional: how many failed stages to resume from before giving up (default 3). */
    public SparkTrainerBuilder optMaxRecoveries(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("max recoveries must not be negative, got " + value);
        }
        this.maxRecoveries = value;
        return this;
    }

    /** Optional: data to evaluate on the driver after each epoch. */
    public SparkTrainerBuilder optValidation(Dataset value) {
        this.validation = value;
        return this;
    }

    /** Optional: where the driver's progress lines go (default standard output). */
    public SparkTrainerBuilder optLog(Consumer<String> value) {
        this.log = Objects.requireNonNull(value, "log");
        return this;
    }

    /** Optional: told after each epoch. */
    public SparkTrainerBuilder optEpochListener(Consumer<SparkEpochReport> value) {
        this.onEpoch = Objects.requireNonNull(value, "listener");
        return this;
    }

    /** Optional: code run on the executors before each partition's step (see {@link ExecutorHook}). */
    public SparkTrainerBuilder optExecutorHook(ExecutorHook value) {
        this.hook = Objects.requireNonNull(value, "hook");
        return this;
    }

    /** Optional: the dataset's name, recorded in checkpoints (default "spark"). */
    public SparkTrainerBuilder optDatasetName(String value) {
        this.datasetName = Objects.requireNonNull(value, "name");
        return this;
    }

    /**
     * Optional: the {@linkplain Dataset#fingerprint() fingerprint} of the training images as the caller read them
     * (before normalising), recorded in checkpoints so that a resume on other images is refused (default: none).
     */
    public SparkTrainerBuilder optDatasetFingerprint(String value) {
        this.datasetFingerprint = Objects.requireNonNull(value, "fingerprint");
        return this;
    }

    /** Makes the trainer. */
    public SparkTrainer build() {
        return new SparkTrainer(this);
    }
}
