package dev.cnn.tck;

import dev.cnn.api.tensor.Tensor;

/**
 * The same values as a tensor of the reference backend and as one of the backend under test.
 *
 * @param reference the reference backend's tensor
 * @param underTest the tested backend's tensor
 */
public record Twin(Tensor reference, Tensor underTest) {
}
