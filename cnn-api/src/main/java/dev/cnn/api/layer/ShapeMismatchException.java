package dev.cnn.api.layer;

/** A layer cannot take the shape it is given; the message names the layer and both shapes. */
public class ShapeMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** With a message naming the layer, the shape it got and the shape it needs. */
    public ShapeMismatchException(String message) {
        super(message);
    }
}
