/**
 * Loss functions (softmax cross-entropy, sigmoid binary cross-entropy, mean squared error): the loss value and its
 * gradient for a batch of outputs and targets. A third party adds loss types through
 * {@link dev.cnn.api.loss.LossTypeProvider}.
 */
package dev.cnn.api.loss;
