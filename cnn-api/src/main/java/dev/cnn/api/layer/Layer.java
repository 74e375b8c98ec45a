package dev.cnn.api.layer;

import dev.cnn.api.tensor.Tensor;
import java.util.List;

/**
 * A layer made for one backend and its input shapes. {@link #forward} keeps what {@link #backward}
 * needs; {@code backward} returns the gradient with respect to the input and {@linkplain Parameter#addGradient adds}
 * the gradients of the parameters to them. Calls alternate: one forward in training mode, then at most one backward.
 *
 * <p>Most layers take one input. A layer with several ({@code add}, {@code concatenate}) overrides
 * {@link #forward(List, boolean)} and {@link #backwardInputs}; the graph network calls only those two.
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

    /**
     * Computes the output from one tensor per input, in the order the node lists its inputs. The default takes
     * exactly one and calls {@link #forward(Tensor, boolean)}.
     */
    default Tensor forward(List<Tensor> inputs, boolean training) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("layer " + LayerTypes.idOf(config()) + " takes one input, got "
                    + inputs.size());
        }
        return forward(inputs.get(0), training);
    }

    /**
     * Back-propagates like {@link #backward} and returns one gradient per input, in the order of the inputs of the
     * last {@link #forward(List, boolean)}. The default returns {@code backward}'s one gradient.
     */
    default List<Tensor> backwardInputs(Tensor outputGradient) {
        return List.of(backward(outputGradient));
    }

    /**
     * Lets the layer write its outputs and input gradients into tensors it keeps from one call to the next (on)
     * instead of new ones (off, the state a layer starts in), through the backend's {@code ...Into} kernels. With
     * reuse on, a tensor the layer returned is overwritten by its next call of the same kind, so a network turns it
     * on only for passes whose intermediates it owns until the next pass (a training step, see
     * {@link dev.cnn.api.network.Network#forwardTransient}), and off for results it hands to a user. Parameter
     * gradients do not depend on it (see {@link Parameter#gradientTarget()}). Layers that keep no buffers, such as
     * the default, ignore it.
     */
    default void reuseBuffers(boolean reuse) {
    }

    /** The layer's parameters (learned and running statistics), in a fixed order; empty for most layers. */
    default List<Parameter> parameters() {
        return List.of();
    }
}
