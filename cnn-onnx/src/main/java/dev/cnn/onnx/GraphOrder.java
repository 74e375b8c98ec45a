package dev.cnn.onnx;

import dev.cnn.onnx.proto.OnnxProto.GraphProto;
import dev.cnn.onnx.proto.OnnxProto.NodeProto;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nodes of an ONNX graph in an order where each comes after the nodes whose outputs it reads, refusing a value
 * made twice, a name read but never made (dangling), and a cycle; in time linear in the graph's size.
 */
final class GraphOrder {
    private GraphOrder() {
    }

    static List<NodeProto> of(GraphProto graph, Set<String> given) throws OnnxFormatException {
        Map<String, Integer> producer = new HashMap<>();
        List<NodeProto> nodes = graph.getNodeList();
        for (int i = 0; i < nodes.size(); i++) {
            for (String out : nodes.get(i).getOutputList()) {
                if (out.isEmpty()) {
                    continue;
                }
                if (given.contains(out) || producer.putIfAbsent(out, i) != null) {
                    throw NodeAttributes.refuse(nodes.get(i), "makes the value '" + out + "', which another node or an"
                            + " input or initializer already makes; the graph is not valid ONNX");
                }
            }
        }
        int[] waiting = new int[nodes.size()];
        Map<Integer, List<Integer>> readers = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Set<Integer> from = new HashSet<>();
            for (String in : nodes.get(i).getInputList()) {
                if (in.isEmpty() || given.contains(in)) {
                    continue;
                }
                Integer p = producer.get(in);
                if (p == null) {
                    throw NodeAttributes.refuse(nodes.get(i), "reads the value '" + in + "', which no node, input or"
                            + " initializer makes (a dangling name)");
                }
                if (from.add(p)) {
                    waiting[i]++;
                    readers.computeIfAbsent(p, k -> new ArrayList<>()).add(i);
                }
            }
        }
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        List<NodeProto> order = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(nodes.get(i));
            for (int r : readers.getOrDefault(i, List.of())) {
                if (--waiting[r] == 0) {
                    ready.add(r);
                }
            }
        }
        if (order.size() < nodes.size()) {
            for (int i = 0; i < nodes.size(); i++) {
                if (waiting[i] > 0) {
                    throw NodeAttributes.refuse(nodes.get(i), "is on a cycle or reads from one: its inputs depend on its own output;"
                            + " an ONNX graph must be acyclic");
                }
            }
        }
        for (String out : graph.getOutputList().stream().map(v -> v.getName()).toList()) {
            if (!given.contains(out) && !producer.containsKey(out)) {
                throw new OnnxFormatException("the graph output '" + out + "' is made by no node (a dangling name)");
            }
        }
        return order;
    }
}
