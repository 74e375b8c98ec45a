package dev.cnn.cli.training;

import dev.cnn.api.train.TrainingPlan;
import java.nio.file.Path;

/**
 * Everything a training run is told.
 *
 * @param source       where the network comes from: a preset, a saved model, or the checkpoint of a run to resume
 * @param plan         epochs, batch size, seed, validation split and augmentation of the run; a resumed run's own plan
 * @param optimizer    the registered id of the optimizer of a new run, such as {@code adam} (a resumed run keeps its own)
 * @param learningRate the base learning rate of a new run
 * @param schedule     how the learning rate of a new run changes over it
 * @param checkpoint   the model file rewritten after every epoch, with optimizer state and plan; null for none
 * @param checkpointEvery also rewrite the checkpoint every this many updates; 0 for after every epoch only
 * @param chart        the PNG of loss and accuracy per epoch, redrawn after every epoch; null for none
 */
public record TrainingSettings(ModelSource source, TrainingPlan plan, String optimizer, double learningRate,
                               ScheduleKind schedule, Path checkpoint, long checkpointEvery, Path chart) {
}
