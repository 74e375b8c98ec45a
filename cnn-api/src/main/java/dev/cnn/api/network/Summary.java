package dev.cnn.api.network;

import dev.cnn.api.layer.LayerTypes;
import dev.cnn.api.layer.Parameter;
import java.util.HashMap;
import java.util.Map;

/** Renders the node table of {@link Network#summary()}. */
final class Summary {
    private Summary() {
    }

    static String of(Network network) {
        GraphConfig graph = network.graph();
        Map<String, dev.cnn.api.tensor.Shape> shapes = graph.shapes();
        Map<String, Parameter> parameters = network.parameters();
        StringBuilder sb = new StringBuilder();
        String format = "%-16s %-18s %-24s %-16s %10s%n";
        sb.append(String.format(format, "node", "layer", "inputs", "output shape", "parameters"));
        for (GraphInput input : graph.inputs()) {
            sb.append(String.format(format, input.name(), "input", "", input.shape(), ""));
        }
        long trainable = 0;
        long fixed = 0;
        Map<String, Long> byNode = new HashMap<>();
        for (var entry : parameters.entrySet()) {
            // parameters are named node.parameter, and node names hold no '.'
            String key = entry.getKey();
            long size = entry.getValue().shape().size();
            byNode.merge(key.substring(0, Math.max(0, key.indexOf('.'))), size, Long::sum);
            if (entry.getValue().trainable()) {
                trainable += size;
            } else {
                fixed += size;
            }
        }
        for (String name : graph.order()) {
            NodeConfig node = graph.node(name);
            long count = byNode.getOrDefault(name, 0L);
            String layer = LayerTypes.idOf(graph.layerOf(name)) + (node.shares() != null ? " of " + node.shares() : "");
            sb.append(String.format(format, name, layer, String.join(", ", node.inputs()), shapes.get(name),
                    node.shares() != null ? "shared" : String.format("%,d", count)));
        }
        sb.append(String.format("total parameters: %,d (trainable %,d, non-trainable %,d); outputs: %s%n",
                trainable + fixed, trainable, fixed, String.join(", ", graph.outputs())));
        return sb.toString();
    }
}
