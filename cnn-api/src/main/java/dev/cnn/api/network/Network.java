package dev.cnn.api.network;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * A trainable network on one backend: a directed acyclic graph of named nodes with named inputs and outputs
 * ({@link GraphNetwork}; {@link Sequential} is the one-input, one-output chain). A forward pass keeps what the
 * backward pass needs, and a backward pass fills every parameter's gradient.
 *
 * <p>The methods taking and returning one {@link Tensor} are for networks with one input and one output.
 */
public interface Network {

    /** The backend every tensor of this network lives on. */
    Backend backend();

    /** The architecture as a graph, serialisable to JSON. */
    GraphConfig graph();

    /** The names of the inputs, in order. */
    default List<String> inputNames() {
        return graph().inputs().stream().map(GraphInput::name).toList();
    }

    /** The names of the outputs, in order. */
    default List<String> outputNames() {
        return graph().outputs();
    }

    /** The shape of one input, without the batch dimension, for a network with one input. */
    default Shape inputShape() {
        List<GraphInput> inputs = graph().inputs();
        if (inputs.size() != 1) {
            throw new IllegalStateException("this network has " + inputs.size() + " inputs " + inputNames()
                    + "; ask graph().inputs() for their shapes");
        }
        return inputs.get(0).shape();
    }

    /** The shape of one output, without the batch dimension, for a network with one output. */
    default Shape outputShape() {
        return outputShape(onlyOutput());
    }

    /** The shape of one value of the output {@code name}, without the batch dimension. */
    default Shape outputShape(String name) {
        return graph().outputShape(name);
    }

    /** Runs batches {@code [N, ...shape]}, one per input name, through the graph; returns each output by name. */
    Map<String, Tensor> forward(Map<String, Tensor> inputs, boolean training);

    /**
     * As {@link #forward(Map, boolean)}, for a training step that is done with the outputs before the network's next
     * pass: the returned tensors, and the intermediates the backward pass reads, may live in buffers the network
     * reuses, which its next pass overwrites, so that a step allocates almost nothing. The default is
     * {@link #forward(Map, boolean)}, whose outputs are new tensors that stay as they are.
     */
    default Map<String, Tensor> forwardTransient(Map<String, Tensor> inputs, boolean training) {
        return forward(inputs, training);
    }

    /** Runs a batch {@code [N, ...inputShape]} through a network with one input and one output. */
    default Tensor forward(Tensor input, boolean training) {
        return forward(Map.of(onlyInput(), input), training).get(onlyOutput());
    }

    /**
     * Back-propagates the gradients of the loss with respect to the outputs of the last forward pass (outputs
     * missing from the map count as zero) and returns the gradient with respect to each input, by name.
     */
    Map<String, Tensor> backward(Map<String, Tensor> outputGradients);

    /** Back-propagates the gradient of the only output; returns the gradient of the only input. */
    default Tensor backward(Tensor outputGradient) {
        return backward(Map.of(onlyOutput(), outputGradient)).get(onlyInput());
    }

    /**
     * Back-propagates to the parameters only, skipping the work that only the gradients with respect to the inputs
     * need, which training does not.
     */
    void backwardToParameters(Map<String, Tensor> outputGradients);

    /** {@link #backwardToParameters(Map)} for a network with one output. */
    default void backwardToParameters(Tensor outputGradient) {
        backwardToParameters(Map.of(onlyOutput(), outputGradient));
    }

    /**
     * Every parameter under a name unique in the network, the node's name then the parameter's, such as
     * {@code "conv1.weight"}, in node order. A layer shared by several nodes appears once, under its first node.
     */
    Map<String, Parameter> parameters();

    /** The number of trainable values. */
    default long trainableParameterCount() {
        return parameters().values().stream().filter(Parameter::trainable).mapToLong(p -> p.shape().size()).sum();
    }

    /** A table of nodes with their layers, inputs, output shapes and parameter counts, with totals. */
    String summary();

    private String onlyInput() {
        List<String> names = inputNames();
        if (names.size() != 1) {
            throw new IllegalStateException("this network has " + names.size() + " inputs " + names
                    + "; pass a map from input name to tensor");
        }
        return names.get(0);
    }

    private String onlyOutput() {
        List<String> names = outputNames();
        if (names.size() != 1) {
            throw new IllegalStateException("this network has " + names.size() + " outputs " + names
                    + "; use the methods that take or return a map by output name");
        }
        return names.get(0);
    }
}
