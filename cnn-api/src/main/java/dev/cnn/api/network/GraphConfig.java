package dev.cnn.api.network;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerCost;
import dev.cnn.api.tensor.Shape;
import java.util.List;
import java.util.Map;

/**
 * The architecture of a graph network: a directed acyclic graph of named nodes, each a layer applied to the outputs
 * of other nodes, with one or more inputs and one or more named outputs. Serialises to JSON with each layer's type
 * id. Building one checks everything a network needs, so a config that exists can be built: names unique and
 * well-formed, every edge pointing at an input or node, no cycle, every input and node leading to an output, and
 * every layer taking the shapes it is given (the error names the node and the shapes).
 *
 * @param inputs  the network's inputs
 * @param nodes   the nodes, in any order that lists a shared layer's first node before the nodes sharing it
 * @param outputs the names of the nodes (or inputs) whose values the network returns, in order
 */
public record GraphConfig(List<GraphInput> inputs, List<NodeConfig> nodes, List<String> outputs) {

    /** Copies the lists and checks the graph (see the class description). */
    public GraphConfig {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        NodeList list = NodeList.of(nodes);
        nodes = list;
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        list.plan(inputs, outputs);
    }

    /** The checked plan: the order nodes run in and every value's shape; made once. */
    GraphPlan plan() {
        return ((NodeList) nodes).plan(inputs, outputs);
    }

    /** The node names in an order where every node comes after its inputs (declaration order where possible). */
    @JsonIgnore
    public List<String> order() {
        return plan().order();
    }

    /** The shape of one value of every input and node, without the batch dimension, by name. */
    @JsonIgnore
    public Map<String, Shape> shapes() {
        return plan().shapes();
    }

    /** The shape of the output {@code name}. */
    public Shape outputShape(String name) {
        if (!outputs.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is not an output of this network; its outputs are "
                    + outputs);
        }
        return shapes().get(name);
    }

    /**
     * The number of parameters of the network this describes, from the shapes alone (see
     * {@link LayerConfig#parameterCount(List)}); a shared layer counts once.
     *
     * @throws ArithmeticException when the count does not fit a long
     */
    public long parameterCount() {
        Map<String, Shape> shapes = shapes();
        long total = 0;
        for (NodeConfig node : nodes) {
            if (node.layer() != null) {
                total = Math.addExact(total, node.layer().parameterCount(node.inputs().stream().map(shapes::get).toList()));
            }
        }
        return total;
    }

    /** The number of values all nodes' outputs hold together for one input image: what a forward pass keeps per image. */
    public long activationsPerImage() {
        Map<String, Shape> shapes = shapes();
        long total = 0;
        for (NodeConfig node : nodes) {
            long size = 1;
            for (int d : shapes.get(node.name()).dims()) {
                size = Math.multiplyExact(size, d);
            }
            total = Math.addExact(total, size);
        }
        return total;
    }

    /**
     * What one forward pass of the network this describes costs, from the shapes alone: every node's
     * {@linkplain LayerConfig#cost(List) cost} added up, a shared layer's at each node that runs it.
     *
     * @throws ArithmeticException when a sum does not fit a long
     */
    public LayerCost cost() {
        Map<String, Shape> shapes = shapes();
        LayerCost total = LayerCost.NONE;
        for (NodeConfig node : nodes) {
            total = total.plus(layerOf(node.name()).cost(node.inputs().stream().map(shapes::get).toList()));
        }
        return total;
    }

    /** The node called {@code name}, found in constant time. */
    public NodeConfig node(String name) {
        NodeConfig node = ((NodeList) nodes).named(name);
        if (node == null) {
            throw new IllegalArgumentException("no node '" + name + "' in this network");
        }
        return node;
    }

    /** The layer a node runs: its own, or that of the node it shares one with. */
    public LayerConfig layerOf(String name) {
        NodeConfig node = node(name);
        return node.layer() != null ? node.layer() : node(node.shares()).layer();
    }
}
