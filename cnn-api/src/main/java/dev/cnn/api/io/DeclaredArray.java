package dev.cnn.api.io;

import dev.cnn.api.tensor.Shape;
import java.util.Objects;

/**
 * An array as a model file's index declares it, before any of its values are read: enough to check the file against
 * what its model needs before allocating for it.
 *
 * @param name  the array's name, unique within its index
 * @param shape its declared shape, already checked against {@link ModelArchiveLimits} and the file's size
 */
public record DeclaredArray(String name, Shape shape) {
    /** Checks that both are given. */
    public DeclaredArray {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
    }

    /** The number of values the array declares. */
    public long size() {
        return shape.size();
    }
}
