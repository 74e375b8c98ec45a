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
        SoleReaders.forEachPair(nodes, slots, outputNames, (relu, pool) ->
                ReluMaxPoolFusion.of(relu.layer, pool.layer).ifPresent(fused -> {
                    relu.runtime = fused.get(0);
                    pool.runtime = fused.get(1);
                    relu.inference = relu.runtime;
                    pool.inference = pool.runtime;
                }));
    }
}
