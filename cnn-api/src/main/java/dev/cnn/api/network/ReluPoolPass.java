package dev.cnn.api.network;

import dev.cnn.api.layers.ReluMaxPoolFusion;
import java.util.List;

/**
 * Gives each ReLU whose output only a max pooling reads, and that is no output of the network, the fused backward
 * pass of {@link ReluMaxPoolFusion}, by setting the run-time layers of the two nodes.
 */
final class ReluPoolPass {
    private ReluPoolPass() {
    }

    static void fuse(List<GraphNode> nodes, int slots, List<String> outputNames) {
        int[] readers = new int[slots];
        GraphNode[] producer = new GraphNode[slots];
        for (GraphNode node : nodes) {
            producer[node.output] = node;
            for (int slot : node.inputs) {
                readers[slot]++;
            }
        }
        for (GraphNode pool : nodes) {
            if (pool.inputs.length != 1 || readers[pool.inputs[0]] != 1) {
                continue;
            }
            GraphNode relu = producer[pool.inputs[0]];
            if (relu == null || relu.inputs.length != 1 || outputNames.contains(relu.name)) {
                continue;
            }
            ReluMaxPoolFusion.of(relu.layer, pool.layer).ifPresent(fused -> {
                relu.runtime = fused.get(0);
                pool.runtime = fused.get(1);
            });
        }
    }
}
