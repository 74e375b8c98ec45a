package dev.cnn.examples.training;

import dev.cnn.api.model.Model;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.models.Preset;
import java.nio.file.Path;

/**
 * Everything a training run is told.
 *
 * @param preset          the architecture of a new model; ignored when resuming
 * @param resumeFrom      a model with optimizer state to continue training, or null to start afresh
 * @param epochs          the epochs of the whole run, counting those a resumed model has done
 * @param batchSize       images per update
 * @param optimizer       the optimization algorithm
 * @param learningRate    the base learning rate
 * @param schedule        how the learning rate changes over the run
 * @param seed            seeds the weights, the shuffling, the validation split and the augmentation
 * @param validationSplit the fraction of training images held out for validation, in {@code [0, 1)}
 * @param augmentShift    the largest random shift in pixels applied to training images, 0 for none
 * @param checkpoint      the model file rewritten after every epoch, with optimizer state; null for none
 * @param chart           the PNG of loss and accuracy per epoch, redrawn after every epoch; null for none
 */
public record TrainingSettings(Preset preset, Model.Loaded resumeFrom, int epochs, int batchSize,
                               OptimizerConfig.Kind optimizer, double learningRate, ScheduleKind schedule, long seed,
                               double validationSplit, int augmentShift, Path checkpoint, Path chart) {
}
