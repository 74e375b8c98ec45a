package dev.cnn.api.train;

import dev.cnn.api.model.Model;
import dev.cnn.api.optim.Optimizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Writes a checkpoint of a run (the model, the optimizer's state and the run's {@link TrainingPlan}) after every epoch
 * and, when asked, every N updates, so that {@link Trainer#resume} can continue the run exactly where the last
 * checkpoint left it. The random numbers of shuffles and augmentation follow from the plan's seed and the step, so no
 * generator state needs saving. Each write replaces the file atomically: a crash leaves the previous checkpoint.
 */
public final class Checkpoint implements TrainingListener {
    private final Path file;
    private final Supplier<Model> model;
    private final Optimizer optimizer;
    private final TrainingPlan plan;
    private final long everySteps;
    private final Saved saved;

    /** Told after each checkpoint is written. */
    @FunctionalInterface
    public interface Saved {
        /** {@code file} now holds the run after {@code steps} updates, {@code epochs} of them whole epochs. */
        void checkpointWritten(Path file, long steps, int epochs);
    }

    private Checkpoint(Path file, Supplier<Model> model, Optimizer optimizer, TrainingPlan plan, long everySteps,
                       Saved saved) {
        this.file = Objects.requireNonNull(file, "file");
        this.model = Objects.requireNonNull(model, "model");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.everySteps = everySteps;
        this.saved = saved;
    }

    /** A checkpoint after every epoch. */
    public static Checkpoint everyEpoch(Path file, Model model, Optimizer optimizer, TrainingPlan plan) {
        Objects.requireNonNull(model, "model");
        return everyEpoch(file, () -> model, optimizer, plan);
    }

    /**
     * A checkpoint after every epoch of the model {@code model} gives at each write: for a model that changes between
     * epochs without changing its network, such as a tagger whose tag thresholds are chosen again after every epoch
     * (by a listener added before this one).
     */
    public static Checkpoint everyEpoch(Path file, Supplier<Model> model, Optimizer optimizer, TrainingPlan plan) {
        return new Checkpoint(file, model, optimizer, plan, 0, (f, s, e) -> { });
    }

    /** A checkpoint after every epoch and after every {@code steps} updates. */
    public static Checkpoint everySteps(long steps, Path file, Model model, Optimizer optimizer, TrainingPlan plan) {
        Objects.requireNonNull(model, "model");
        return everySteps(steps, file, () -> model, optimizer, plan);
    }

    /** A checkpoint after every epoch and every {@code steps} updates, of the model {@code model} gives at each write. */
    public static Checkpoint everySteps(long steps, Path file, Supplier<Model> model, Optimizer optimizer,
                                        TrainingPlan plan) {
        if (steps < 1) {
            throw new IllegalArgumentException("a checkpoint every " + steps + " steps makes no sense; give at least 1");
        }
        return new Checkpoint(file, model, optimizer, plan, steps, (f, s, e) -> { });
    }

    /** This checkpoint, telling {@code listener} after every write. */
    public Checkpoint withListener(Saved listener) {
        return new Checkpoint(file, model, optimizer, plan, everySteps, Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void onBatchEnd(BatchReport report, TrainingControl control) {
        if (everySteps > 0 && report.batch() < report.batches() && optimizer.step() % everySteps == 0) {
            write(report.epoch() - 1);
        }
    }

    @Override
    public void onEpochEnd(EpochReport report, TrainingControl control) {
        write(report.epoch());
    }

    private void write(int wholeEpochs) {
        try {
            model.get().save(file, optimizer, plan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        saved.checkpointWritten(file, optimizer.step(), wholeEpochs);
    }
}
