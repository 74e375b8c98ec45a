package dev.cnn.api.network;

import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerTypes;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.tensor.Shape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks of a {@link GraphConfig} and what they find: the order nodes run in and every value's shape. */
record GraphPlan(List<String> order, Map<String, Shape> shapes) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    static GraphPlan of(List<GraphInput> inputs, List<NodeConfig> nodes, List<String> outputs) {
        if (inputs.isEmpty()) {
            throw new GraphException("a graph network needs at least one input; add one with addInput(name, shape)");
        }
        Map<String, NodeConfig> byName = new LinkedHashMap<>();
        Set<String> inputNames = new LinkedHashSet<>();
        for (GraphInput input : inputs) {
            checkName(input == null ? null : input.name(), "input");
            if (!inputNames.add(input.name())) {
                throw new GraphException("the name '" + input.name() + "' is used by two inputs; give each its own");
            }
        }
        for (NodeConfig node : nodes) {
            checkName(node == null ? null : node.name(), "node");
            if (inputNames.contains(node.name()) || byName.put(node.name(), node) != null) {
                throw new GraphException("the name '" + node.name() + "' is used twice; give each node and input its"
                        + " own name");
            }
        }
        for (NodeConfig node : nodes) {
            checkEdges(node, byName, inputNames);
        }
        if (outputs.isEmpty()) {
            throw new GraphException("a graph network needs at least one output; name them with setOutputs(...)");
        }
        Set<String> seenOutputs = new HashSet<>();
        for (String output : outputs) {
            if (output == null || !(byName.containsKey(output) || inputNames.contains(output))) {
                throw new GraphException("the output '" + output + "' is no node or input of the network; known: "
                        + known(byName, inputNames));
            }
            if (!seenOutputs.add(output)) {
                throw new GraphException("the output '" + output + "' is listed twice");
            }
        }
        List<String> order = topologicalOrder(nodes, byName);
        checkEverythingLeadsToAnOutput(inputNames, byName, outputs);
        return new GraphPlan(Collections.unmodifiableList(order), inferShapes(inputs, byName, order));
    }

    private static void checkName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new GraphException("the " + what + " name " + (name == null ? "null" : "'" + abbreviate(name) + "'")
                    + " is not allowed: use 1 to 100 letters, digits, '_' or '-' (parameters are named node.parameter)");
        }
    }

    private static void checkEdges(NodeConfig node, Map<String, NodeConfig> byName, Set<String> inputNames) {
        if ((node.layer() == null) == (node.shares() == null)) {
            throw new GraphException("node '" + node.name() + "' needs either a layer or the name of a node it"
                    + " shares one with, not " + (node.layer() == null ? "neither" : "both"));
        }
        if (node.shares() != null) {
            NodeConfig owner = byName.get(node.shares());
            if (owner == null || owner.layer() == null) {
                throw new GraphException("node '" + node.name() + "' shares the layer of '" + abbreviate(node.shares())
                        + "', which is " + (owner == null ? "no node" : "itself sharing one") + "; name the node"
                        + " that holds the layer");
            }
        }
        if (node.inputs().isEmpty()) {
            throw new GraphException("node '" + node.name() + "' has no inputs; connect it to a node or an input");
        }
        for (String input : node.inputs()) {
            if (input == null || !(byName.containsKey(input) || inputNames.contains(input))) {
                throw new GraphException("node '" + node.name() + "' takes the input '" + abbreviate(input)
                        + "', which is no node or input of the network; known: " + known(byName, inputNames));
            }
        }
    }

    /** Kahn's algorithm, taking ready nodes in declaration order; a cycle is reported by its nodes. */
    private static List<String> topologicalOrder(List<NodeConfig> nodes, Map<String, NodeConfig> byName) {
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> consumers = new HashMap<>();
        for (NodeConfig node : nodes) {
            int count = 0;
            for (String input : node.inputs()) {
                if (byName.containsKey(input)) {
                    count++;
                    consumers.computeIfAbsent(input, k -> new ArrayList<>()).add(node.name());
                }
            }
            waiting.put(node.name(), count);
        }
        List<String> order = new ArrayList<>(nodes.size());
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            position.put(nodes.get(i).name(), i);
        }
        java.util.PriorityQueue<String> ready = new java.util.PriorityQueue<>((a, b) -> position.get(a) - position.get(b));
        waiting.forEach((name, count) -> {
            if (count == 0) {
                ready.add(name);
            }
        });
        while (!ready.isEmpty()) {
            String name = ready.poll();
            order.add(name);
            for (String consumer : consumers.getOrDefault(name, List.of())) {
                if (waiting.merge(consumer, -1, Integer::sum) == 0) {
                    ready.add(consumer);
                }
            }
        }
        if (order.size() < nodes.size()) {
            throw new GraphException("the nodes " + cycle(byName, waiting) + " form a cycle; a network must be acyclic,"
                    + " so remove one of these edges");
        }
        return order;
    }

    /** Walks back along inputs that still wait, from any waiting node, until a node repeats: that loop is a cycle. */
    private static String cycle(Map<String, NodeConfig> byName, Map<String, Integer> waiting) {
        String start = waiting.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .sorted().findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        Map<String, Integer> seenAt = new HashMap<>();
        String current = start;
        while (!seenAt.containsKey(current)) {
            seenAt.put(current, path.size());
            path.add(current);
            current = byName.get(current).inputs().stream()
                    .filter(i -> byName.containsKey(i) && waiting.get(i) > 0).findFirst().orElseThrow();
        }
        List<String> loop = new ArrayList<>(path.subList(seenAt.get(current), path.size()));
        Collections.reverse(loop);
        int first = loop.indexOf(loop.stream().sorted().findFirst().orElseThrow());
        Collections.rotate(loop, -first);
        loop.add(loop.get(0));
        return String.join(" -> ", loop.stream().map(n -> "'" + n + "'").toList());
    }

    private static void checkEverythingLeadsToAnOutput(Set<String> inputNames, Map<String, NodeConfig> byName,
                                                       List<String> outputs) {
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(outputs);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (reached.add(name) && byName.containsKey(name)) {
                todo.addAll(byName.get(name).inputs());
            }
        }
        List<String> unused = new ArrayList<>();
        for (String input : inputNames) {
            if (!reached.contains(input)) {
                unused.add("input '" + input + "'");
            }
        }
        for (String node : byName.keySet()) {
            if (!reached.contains(node)) {
                unused.add("node '" + node + "'");
            }
        }
        if (!unused.isEmpty()) {
            throw new GraphException(String.join(", ", unused) + (unused.size() == 1 ? " leads" : " lead")
                    + " to no output " + outputs + "; connect " + (unused.size() == 1 ? "it" : "them")
                    + " to a node that does, list " + (unused.size() == 1 ? "it" : "them") + " as an output, or remove "
                    + (unused.size() == 1 ? "it" : "them"));
        }
    }

    private static Map<String, Shape> inferShapes(List<GraphInput> inputs, Map<String, NodeConfig> byName,
                                                  List<String> order) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (GraphInput input : inputs) {
            shapes.put(input.name(), input.shape());
        }
        for (String name : order) {
            NodeConfig node = byName.get(name);
            LayerConfig layer = node.layer() != null ? node.layer() : byName.get(node.shares()).layer();
            List<Shape> in = node.inputs().stream().map(shapes::get).toList();
            try {
                shapes.put(name, layer.outputShape(in));
            } catch (IllegalArgumentException e) {
                StringBuilder given = new StringBuilder();
                for (int i = 0; i < in.size(); i++) {
                    given.append(i == 0 ? "" : ", ").append(in.get(i)).append(" from '").append(node.inputs().get(i))
                            .append('\'');
                }
                throw new ShapeMismatchException("node '" + name + "' (" + LayerTypes.idOf(layer) + ") cannot take "
                        + given + ": " + e.getMessage());
            }
        }
        return Collections.unmodifiableMap(shapes);
    }

    private static String known(Map<String, NodeConfig> byName, Set<String> inputNames) {
        List<String> all = new ArrayList<>(inputNames);
        all.addAll(byName.keySet());
        return all.size() <= 20 ? all.toString() : all.subList(0, 20) + " and " + (all.size() - 20) + " more";
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
