package dev.cnn.cli.training;

import dev.cnn.api.train.TrainingPlan;
import dev.cnn.api.train.TrainingRecipe;
import java.nio.file.Path;

/**
 * Everything a training run is told.
 *
 * @param source          where the network comes from: a preset, a saved model, or the checkpoint of a run to resume
 * @param plan            epochs, batch size, seed, validation split and augmentation of the run; a resumed run's own
 *                        plan
 * @param recipe          the complete recipe of a new run: optimizer, learning rate, schedule and warm-up, label
 *                        smoothing, weight average, early stopping and best-epoch keeping (a resumed run keeps its own
 *                        optimizer, schedule and heads, and takes early stopping and best-epoch keeping from here)
 * @param checkpoint      the model file rewritten after every epoch, with optimizer state and plan; null for none
 * @param checkpointEvery also rewrite the checkpoint every this many updates; 0 for after every epoch only
 * @param chart           the PNG of loss and accuracy per epoch, redrawn after every epoch; null for none
 */
public record TrainingSettings(ModelSource source, TrainingPlan plan, TrainingRecipe recipe, Path checkpoint,
                               long checkpointEvery, Path chart) {
    /** Completes the recipe with the defaults. */
    public TrainingSettings {
        recipe = (recipe == null ? TrainingRecipe.EMPTY : recipe).complete();
    }

    /**
     * A run with the defaults but for the optimizer (its registered id, such as {@code adam}), its base learning rate
     * and its schedule.
     */
    public TrainingSettings(ModelSource source, TrainingPlan plan, String optimizer, double learningRate,
                            ScheduleKind schedule, Path checkpoint, long checkpointEvery, Path chart) {
        this(source, plan, new TrainingRecipe(null, null, optimizer, learningRate, null, null, null, schedule.id(), null,
                null, null, null, null, null, null, null), checkpoint, checkpointEvery, chart);
    }
}
