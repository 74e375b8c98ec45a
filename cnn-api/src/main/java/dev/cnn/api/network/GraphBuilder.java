package dev.cnn.api.network;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the inputs, nodes and outputs of a {@link GraphNetwork}; {@link #build} checks the graph (cycles, names,
 * shapes) and makes it. A residual block:
 *
 * <pre>{@code
 * GraphNetwork net = new GraphBuilder()
 *         .addInput("image", 1, 28, 28)
 *         .add("stem", Conv2D.of(16, 3).withPadding(1), "image")
 *         .add("conv_a", Conv2D.of(16, 3).withPadding(1), "stem")
 *         .add("relu_a", new ReLU(), "conv_a")
 *         .add("sum", new Add(), "stem", "relu_a")
 *         .add("flat", new Flatten(), "sum")
 *         .add("logits", Dense.of(10), "flat")
 *         .setOutputs("logits")
 *         .build(backend);
 * }</pre>
 */
public final class GraphBuilder {
    private final List<GraphInput> inputs = new ArrayList<>();
    private final List<NodeConfig> nodes = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();
    private long seed = 42;

    /** An empty builder: add inputs, then nodes by name with their inputs, name the outputs, build on a backend. */
    public GraphBuilder() {
    }

    /** Adds a network input of the given per-image shape, such as {@code 1, 28, 28}. */
    public GraphBuilder addInput(String name, int... shape) {
        return addInput(name, Shape.of(shape));
    }

    /** Adds a network input of the given per-image shape. */
    public GraphBuilder addInput(String name, Shape shape) {
        inputs.add(new GraphInput(name, shape));
        return this;
    }

    /** Adds the node {@code name}: {@code layer} applied to the named nodes or inputs, in that order. */
    public GraphBuilder add(String name, LayerConfig layer, String... inputNames) {
        nodes.add(new NodeConfig(name, layer, List.of(inputNames), null));
        return this;
    }

    /**
     * Adds the node {@code name} that applies the layer of the earlier node {@code sharedNode}, with the same weights,
     * to other inputs: both nodes' gradients add up in the one set of weights.
     */
    public GraphBuilder addShared(String name, String sharedNode, String... inputNames) {
        nodes.add(new NodeConfig(name, null, List.of(inputNames), sharedNode));
        return this;
    }

    /** Names the outputs (nodes or inputs), in order; without it the last node added is the only output. */
    public GraphBuilder setOutputs(String... names) {
        outputs.clear();
        outputs.addAll(List.of(names));
        return this;
    }

    /** Optional: the seed the initial weights are drawn from (default 42). */
    public GraphBuilder optSeed(long value) {
        this.seed = value;
        return this;
    }

    /** The architecture so far, checked. */
    public GraphConfig config() {
        List<String> out = outputs;
        if (out.isEmpty() && !nodes.isEmpty()) {
            out = List.of(nodes.get(nodes.size() - 1).name());
        }
        return new GraphConfig(inputs, nodes, out);
    }

    /** Checks the graph and makes the network on {@code backend}. */
    public GraphNetwork build(Backend backend) {
        return new GraphNetwork(config(), backend, seed);
    }
}
