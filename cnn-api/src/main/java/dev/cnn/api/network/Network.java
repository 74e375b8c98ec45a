package dev.cnn.api.network;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Map;

/**
 * A trainable network on one backend: a forward pass that keeps what the backward pass needs, and a
 * backward pass that fills every parameter's gradient.
 */
public interface Network {

    /** The backend every tensor of this network lives on. */
    Backend backend();

    /** The architecture, serialisable to JSON. */
    NetworkConfig config();

    /** The shape of one input, without the batch dimension. */
    default Shape inputShape() {
        return config().inputShape();
    }

    /** The shape of one output, without the batch dimension. */
    default Shape outputShape() {
        return config().outputShape();
    }

    /** Runs a batch {@code [N, ...inputShape]} through every layer. */
    Tensor forward(Tensor input, boolean training);

    /** Back-propagates the gradient of the loss with respect to the last output; returns the input gradient. */
    Tensor backward(Tensor outputGradient);

    /**
     * Back-propagates to the parameters only, skipping the gradient with respect to the network's input,
     * which training does not need.
     */
    void backwardToParameters(Tensor outputGradient);

    /** Every parameter under a name unique in the network, such as {@code "0.conv2d.weight"}, in a fixed order. */
    Map<String, Parameter> parameters();

    /** The number of trainable values. */
    default long trainableParameterCount() {
        return parameters().values().stream().filter(Parameter::trainable).mapToLong(p -> p.shape().size()).sum();
    }

    /** A table of layers, output shapes and parameter counts, with totals. */
    String summary();
}
