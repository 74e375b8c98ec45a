package dev.cnn.api.layer;

import dev.cnn.api.tensor.Tensor;
import java.util.List;

/**
 * A layer made for one backend and one input shape. {@link #forward} keeps what {@link #backward}
 * needs; {@code backward} returns the gradient with respect to the input and stores the gradients of
 * the parameters in them. Calls alternate: one forward in training mode, then at most one backward.
 */
public interface Layer {

    /** The configuration this layer was built from. */
    LayerConfig config();

    /** Computes the output for a batch; {@code training} switches dropout and batch statistics on. */
    Tensor forward(Tensor input, boolean training);

    /** Back-propagates the gradient of the loss with respect to this layer's last output. */
    Tensor backward(Tensor outputGradient);

    /**
     * Fills the parameter gradients like {@link #backward} but may skip the input gradient, which the
     * first layer of a network never needs. Layers with parameters override it when that saves work.
     */
    default void backwardToParameters(Tensor outputGradient) {
        backward(outputGradient);
    }

    /** The layer's parameters (learned and running statistics), in a fixed order; empty for most layers. */
    default List<Parameter> parameters() {
        return List.of();
    }
}
