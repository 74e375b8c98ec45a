package dev.cnn.api.network;

import dev.cnn.api.tensor.Shape;
import java.util.Objects;

/**
 * An input of a graph network.
 *
 * @param name  its name, which nodes list among their inputs
 * @param shape the shape of one input, without the batch dimension, for example {@code [1, 28, 28]}
 */
public record GraphInput(String name, Shape shape) {
    /** Checks that both are given. */
    public GraphInput {
        Objects.requireNonNull(name, "input name");
        Objects.requireNonNull(shape, "shape of input '" + name + "'");
    }
}
