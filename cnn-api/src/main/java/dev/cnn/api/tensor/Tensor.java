package dev.cnn.api.tensor;

import dev.cnn.api.backend.Backend;

/**
 * A float32 n-dimensional array, row-major, owned by one {@link Backend}. Images are {@code NCHW}.
 *
 * <p>A tensor offers no way to change its values: only its backend's kernels write into it (the
 * optimizer updates, for example). To move data between backends, go through {@link #toArray()}
 * and {@link Backend#tensor(float[], Shape)}.
 */
public interface Tensor {

    /** The dimensions of this tensor. */
    Shape shape();

    /** A fresh copy of the values, row-major. */
    float[] toArray();

    /** The backend that made this tensor and runs kernels on it. */
    Backend backend();
}
