package dev.cnn.api.network;

import dev.cnn.api.layers.ConvBatchNormFold;
import java.util.List;

/**
 * Gives each convolution whose output only a batch normalisation reads, and that is no output of the network, the
 * inference stand-ins of {@link ConvBatchNormFold}: the normalisation folded into the convolution's filter.
 */
final class ConvBatchNormPass {
    private ConvBatchNormPass() {
    }

    static void fold(List<GraphNode> nodes, int slots, List<String> outputNames) {
        SoleReaders.forEachPair(nodes, slots, outputNames, (conv, norm) ->
                ConvBatchNormFold.of(conv.layer, norm.layer).ifPresent(standIns -> {
                    conv.inference = standIns.get(0);
                    norm.inference = standIns.get(1);
                }));
    }
}
