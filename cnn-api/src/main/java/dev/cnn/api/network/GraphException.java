package dev.cnn.api.network;

/**
 * A graph network cannot be built as described: a cycle, an input or node that leads nowhere, a name used twice or
 * naming nothing. The message names the nodes and says what to change. Shape errors are
 * {@link dev.cnn.api.layer.ShapeMismatchException}s instead.
 */
public class GraphException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** With a message naming the nodes involved. */
    public GraphException(String message) {
        super(message);
    }
}
