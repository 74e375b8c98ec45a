package dev.cnn.backend.cpu;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;

/**
 * A tensor of the pure-Java backend: a row-major {@code float[]} and its {@link Shape}. Only the
 * backend's kernels see the array; callers get copies through {@link #toArray()}.
 */
public final class CpuTensor implements Tensor {
    private final float[] data;
    private final Shape shape;
    private final CpuBackend backend;

    CpuTensor(float[] data, Shape shape, CpuBackend backend) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("shape " + shape + " needs " + shape.size()
                    + " values, got " + data.length);
        }
        this.data = data;
        this.shape = shape;
        this.backend = backend;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public float[] toArray() {
        return data.clone();
    }

    @Override
    public Backend backend() {
        return backend;
    }

    /** The backing array itself, for kernels only. */
    float[] data() {
        return data;
    }

    @Override
    public String toString() {
        return "CpuTensor" + shape;
    }
}
