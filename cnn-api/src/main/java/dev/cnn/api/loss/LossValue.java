package dev.cnn.api.loss;

import dev.cnn.api.tensor.Tensor;

/**
 * A loss evaluated on a batch.
 *
 * @param value    the loss, averaged over the batch
 * @param gradient its gradient with respect to the network's output
 */
public record LossValue(double value, Tensor gradient) {
}
