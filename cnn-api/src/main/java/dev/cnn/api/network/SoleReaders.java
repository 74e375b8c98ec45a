package dev.cnn.api.network;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Pairs of run-time nodes where the second is the only reader of the first's output, that output is no output of the
 * network, and each reads one input: the pairs a fusion pass may replace with stand-ins.
 */
final class SoleReaders {
    private SoleReaders() {
    }

    /** Calls {@code pair} with (producer, reader) for every such pair, in the order the readers run. */
    static void forEachPair(List<GraphNode> nodes, int slots, List<String> outputNames,
                            BiConsumer<GraphNode, GraphNode> pair) {
        Set<String> outputs = new HashSet<>(outputNames);
        int[] readers = new int[slots];
        GraphNode[] producer = new GraphNode[slots];
        for (GraphNode node : nodes) {
            producer[node.output] = node;
            for (int slot : node.inputs) {
                readers[slot]++;
            }
        }
        for (GraphNode reader : nodes) {
            if (reader.inputs.length != 1 || readers[reader.inputs[0]] != 1) {
                continue;
            }
            GraphNode first = producer[reader.inputs[0]];
            if (first != null && first.inputs.length == 1 && !outputs.contains(first.name)) {
                pair.accept(first, reader);
            }
        }
    }
}
