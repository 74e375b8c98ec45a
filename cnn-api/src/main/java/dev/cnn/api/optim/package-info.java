/**
 * Optimizers (SGD with momentum, Adam, AdamW, RMSprop) as serialisable {@link dev.cnn.api.optim.OptimizerConfig}s that
 * build a runtime {@link dev.cnn.api.optim.Optimizer}; learning-rate schedules; a moving average of the weights.
 * Updates run on the backend's optimizer kernels, so their state is saved with a checkpoint and a resumed run
 * continues bit for bit.
 */
package dev.cnn.api.optim;
