package dev.cnn.api.network;

import dev.cnn.api.layers.ConvBatchNormFold;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each convolution whose output only a batch normalisation reads, and that is no output of the network, the
 * inference stand-ins of {@link ConvBatchNormFold}: the normalisation folded into the convolution's filter, and a ReLU
 * that alone reads the normalisation's output folded in after it.
 */
final class ConvBatchNormPass {
    private ConvBatchNormPass() {
    }

    static void fold(List<GraphNode> nodes, int slots, List<String> outputNames) {
        Map<GraphNode, GraphNode> convOfNorm = new HashMap<>();
        SoleReaders.forEachPair(nodes, slots, outputNames, (conv, norm) ->
                ConvBatchNormFold.of(conv.layer, norm.layer).ifPresent(standIns -> {
                    conv.inference = standIns.get(0);
                    norm.inference = standIns.get(1);
                    convOfNorm.put(norm, conv);
                }));
        SoleReaders.forEachPair(nodes, slots, outputNames, (norm, relu) -> {
            GraphNode conv = convOfNorm.get(norm);
            if (conv != null) {
                ConvBatchNormFold.withRelu(conv.layer, norm.layer, relu.layer).ifPresent(standIns -> {
                    conv.inference = standIns.get(0);
                    norm.inference = standIns.get(1);
                    relu.inference = standIns.get(2);
                });
            }
        });
    }
}
