package dev.cnn.api.io;

import dev.cnn.api.tensor.Shape;
import java.util.Objects;

/**
 * A named float array with its shape, as stored in a model file: a parameter such as {@code conv1.weight}, or a
 * piece of optimizer state. The array is held as given, not copied.
 *
 * @param name  a non-empty name, unique within its list
 * @param shape the array's shape
 * @param data  {@code shape.size()} values, row-major
 */
public record NamedArray(String name, Shape shape, float[] data) {
    /** Checks that the name is not empty and that {@code data} has exactly {@code shape.size()} values. */
    public NamedArray {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an array name must not be empty");
        }
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("array '" + name + "' of shape " + shape + " needs " + shape.size()
                    + " values, got " + data.length);
        }
    }
}
