package dev.cnn.api.backend;

import dev.cnn.api.tensor.Tensor;

/**
 * Both gradients of a 2-d convolution, as {@link Backend#conv2dBackward} returns them.
 *
 * @param input  the gradient with respect to the convolution's input
 * @param filter the gradient with respect to its filter
 */
public record ConvGradients(Tensor input, Tensor filter) {
}
