package dev.cnn.api.network;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The nodes of a {@link GraphConfig}, in their order and immutable, each found by its name in constant time, with the
 * graph's checked {@link GraphPlan} kept once made. Loading and running a graph look nodes up by name once per node, so
 * a list searched from the start each time made a graph of 50,000 nodes take half a minute to load; and the plan, asked
 * for by the graph's checks, its sizes and the network built from it, is made once instead of each time. A name used
 * twice finds its first node (the graph's checks refuse it).
 */
final class NodeList extends AbstractList<NodeConfig> implements RandomAccess {
    private final NodeConfig[] nodes;
    private final Map<String, NodeConfig> byName;
    /** The last plan made, with the (immutable) input and output lists it was made for. */
    private volatile Planned planned;

    private record Planned(List<GraphInput> inputs, List<String> outputs, GraphPlan plan) {
    }

    private NodeList(List<NodeConfig> given) {
        this.nodes = given.toArray(new NodeConfig[0]);
        this.byName = new HashMap<>(2 * nodes.length);
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] == null) {
                throw new GraphException("nodes[" + i + "] is null; each node needs a name, a layer (or the node it"
                        + " shares one with) and its inputs");
            }
            if (nodes[i].name() != null) {
                byName.putIfAbsent(nodes[i].name(), nodes[i]);
            }
        }
    }

    /** {@code nodes} as a node list: the list itself when it is one, an empty one for null, otherwise a copy. */
    static NodeList of(List<NodeConfig> nodes) {
        if (nodes instanceof NodeList list) {
            return list;
        }
        return new NodeList(nodes == null ? List.of() : nodes);
    }

    /**
     * The plan of the graph of these nodes with {@code inputs} and {@code outputs}, which must be immutable lists: made
     * the first time, then kept while the same lists are asked about.
     */
    GraphPlan plan(List<GraphInput> inputs, List<String> outputs) {
        Planned last = planned;
        if (last == null || last.inputs() != inputs || last.outputs() != outputs) {
            last = new Planned(inputs, outputs, GraphPlan.of(inputs, this, outputs));
            planned = last;
        }
        return last.plan();
    }

    /** The node called {@code name}, or null when there is none. */
    NodeConfig named(String name) {
        return byName.get(name);
    }

    @Override
    public NodeConfig get(int index) {
        return nodes[index];
    }

    @Override
    public int size() {
        return nodes.length;
    }
}
