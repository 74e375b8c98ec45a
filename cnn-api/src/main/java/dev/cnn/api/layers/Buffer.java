package dev.cnn.api.layers;

import dev.cnn.api.tensor.Tensor;

/**
 * One result a layer writes into the same tensor call after call while buffer reuse is on
 * ({@link dev.cnn.api.layer.Layer#reuseBuffers}): the tensor to pass as the {@code out} of a backend's {@code ...Into}
 * kernel, and the result kept for the next call. While reuse is off every call gets a new tensor, and none is kept.
 */
final class Buffer {
    private Tensor tensor;

    /** The {@code out} for the next kernel: the last kept result while {@code reuse}, else null. */
    Tensor target(boolean reuse) {
        return reuse ? tensor : null;
    }

    /** Keeps {@code result} for the next call while {@code reuse}; returns it. */
    Tensor keep(Tensor result, boolean reuse) {
        if (reuse) {
            tensor = result;
        }
        return result;
    }
}
