package dev.cnn.api.network;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A network whose layers form a directed acyclic graph of named nodes (see {@link GraphConfig}). Forward runs the
 * nodes in topological order; backward runs them in reverse, summing the gradients where a node feeds several
 * others. A layer used at several nodes (shared weights) is built once per node with its parameters tied, so its
 * gradients add up. Build one with a {@link GraphBuilder}; {@link Sequential} is the chain-shaped special case.
 *
 * <p>{@link #forwardTransient} turns on its layers' {@linkplain Layer#reuseBuffers buffer reuse} and sums gradients
 * meeting at a value into buffers of its own, for that pass and the backward pass after it; {@link #forward} and
 * {@link #activations} turn it off, so what they return are new tensors, and {@link #backward} copies what it returns
 * after a transient pass.
 */
public class GraphNetwork implements Network {
    private final GraphConfig graph;
    private final Backend backend;
    private final Map<String, Shape> shapes;
    private final List<String> inputNames;
    private final List<String> outputNames;
    private final Set<String> outputSet;
    /** Node runtimes in topological order; values are indexed by slot: inputs first, then nodes in that order. */
    private final List<GraphNode> nodes;
    private final Map<String, GraphNode> nodeByName = new HashMap<>();
    private final Map<String, Integer> slots;
    private final Map<String, Parameter> parameters;
    private final List<Parameter> everyParameter;
    private Tensor[] values;
    /** Whether the layers reuse their buffers, as the last forward pass asked. */
    private boolean reusing;
    /** Per value slot, where gradients meeting there are summed while reusing. */
    private final Tensor[] gradientSums;
    /** Where node times go while profiling; null when not. */
    private NodeProfile profile;

    /** Builds the network {@code graph} describes on {@code backend}, drawing initial weights from {@code seed}. */
    protected GraphNetwork(GraphConfig graph, Backend backend, long seed) {
        this.graph = graph;
        this.backend = backend;
        GraphPlan plan = graph.plan();
        this.shapes = plan.shapes();
        this.inputNames = graph.inputs().stream().map(GraphInput::name).toList();
        this.outputNames = graph.outputs();
        this.outputSet = Set.copyOf(outputNames);
        Map<String, Integer> slotOf = new HashMap<>();
        for (String input : inputNames) {
            slotOf.put(input, slotOf.size());
        }
        for (String name : plan.order()) {
            slotOf.put(name, slotOf.size());
        }
        this.slots = Collections.unmodifiableMap(slotOf);
        Random seeds = new Random(seed);
        Map<String, Long> nodeSeeds = new HashMap<>();
        for (NodeConfig node : graph.nodes()) {
            nodeSeeds.put(node.name(), seeds.nextLong());
        }
        Map<String, Layer> built = new HashMap<>();
        Map<String, Parameter> named = new LinkedHashMap<>();
        List<Parameter> all = new ArrayList<>();
        List<GraphNode> runtime = new ArrayList<>();
        boolean[] needsGradient = new boolean[slotOf.size()];
        for (String name : plan.order()) {
            NodeConfig node = graph.node(name);
            LayerConfig layerConfig = graph.layerOf(name);
            List<Shape> inputShapes = node.inputs().stream().map(shapes::get).toList();
            Layer layer = layerConfig.build(inputShapes, backend, new Random(nodeSeeds.get(name)));
            if (node.shares() != null) {
                SharedWeights.tie(name, layer, built.get(node.shares()));
            } else {
                for (Parameter p : layer.parameters()) {
                    named.put(name + "." + p.name(), p);
                }
            }
            all.addAll(layer.parameters());
            built.put(name, layer);
            int[] in = node.inputs().stream().mapToInt(slotOf::get).toArray();
            int out = slotOf.get(name);
            boolean needs = layer.parameters().stream().anyMatch(Parameter::trainable);
            for (int slot : in) {
                needs |= needsGradient[slot];
            }
            needsGradient[out] = needs;
            runtime.add(new GraphNode(name, layer, in, out, needs));
        }
        this.nodes = List.copyOf(runtime);
        nodes.forEach(node -> nodeByName.put(node.name, node));
        ReluPoolPass.fuse(nodes, slots.size(), outputNames);
        ConvBatchNormPass.fold(nodes, slots.size(), outputNames);
        for (GraphNode node : nodes) {
            node.inputsNeedGradient = new boolean[node.inputs.length];
            for (int i = 0; i < node.inputs.length; i++) {
                node.inputsNeedGradient[i] = needsGradient[node.inputs[i]];
            }
        }
        this.gradientSums = new Tensor[slotOf.size()];
        this.parameters = Collections.unmodifiableMap(named);
        this.everyParameter = List.copyOf(all);
    }

    /** Builds the network {@code graph} describes on {@code backend}, initialising weights from {@code seed}. */
    public static GraphNetwork of(GraphConfig graph, Backend backend, long seed) {
        return new GraphNetwork(graph, backend, seed);
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public GraphConfig graph() {
        return graph;
    }

    @Override
    public List<String> inputNames() {
        return inputNames;
    }

    @Override
    public List<String> outputNames() {
        return outputNames;
    }

    @Override
    public Shape outputShape(String name) {
        if (!outputSet.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is not an output of this network; its outputs are "
                    + outputNames);
        }
        return shapes.get(name);
    }

    /** The shape of one value of the input or node {@code name}, without the batch dimension. */
    public Shape shapeOf(String name) {
        Shape shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("no node or input '" + name + "' in this network; known: " + shapes.keySet());
        }
        return shape;
    }

    /** The node names in the order they run. */
    public List<String> nodeNames() {
        return nodes.stream().map(n -> n.name).toList();
    }

    /**
     * The runtime layer of node {@code name}, with buffer reuse turned off (until the next
     * {@link #forwardTransient}), so that what a caller's own {@code forward} calls return stays as it is.
     */
    public Layer layer(String name) {
        reuseBuffers(false);
        return node(name).layer;
    }

    @Override
    public Map<String, Tensor> forward(Map<String, Tensor> inputs, boolean training) {
        reuseBuffers(false);
        return outputs(inputs, training);
    }

    @Override
    public Map<String, Tensor> forwardTransient(Map<String, Tensor> inputs, boolean training) {
        reuseBuffers(true);
        return outputs(inputs, training);
    }

    /**
     * Times every node's forward and backward passes into {@code into} from now on; null stops timing. The times
     * are wall time, so they include whatever else the machine does meanwhile.
     */
    public void profile(NodeProfile into) {
        this.profile = into;
    }

    /** Turns the layers' buffer reuse on or off. */
    void reuseBuffers(boolean on) {
        if (on != reusing) {
            reusing = on;
            nodes.forEach(node -> {
                node.runtime.reuseBuffers(on);
                node.inference.reuseBuffers(on);
            });
        }
    }

    private Map<String, Tensor> outputs(Map<String, Tensor> inputs, boolean training) {
        int batch = training ? -1 : InferenceSlices.sliceableBatch(inputs, inputNames, shapes.values());
        if (batch > 0) {
            reuseBuffers(true);
            Map<String, Tensor> out = InferenceSlices.outputs(backend, inputs, batch, slice -> outputs(slice, false));
            values = null; // the last slice's values: no backward pass follows a sliced one
            return out;
        }
        run(inputs, training, !training);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : outputNames) {
            out.put(name, values[slots.get(name)]);
        }
        return out;
    }

    /**
     * Runs the inputs through the network in inference mode and returns the output of every node (and the inputs)
     * by name, in the order they run: for pictures of what each node makes of an image.
     */
    public Map<String, Tensor> activations(Map<String, Tensor> inputs) {
        reuseBuffers(false);
        run(inputs, false, false);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String input : inputNames) {
            out.put(input, values[slots.get(input)]);
        }
        for (GraphNode node : nodes) {
            out.put(node.name, values[node.output]);
        }
        return out;
    }

    /** Runs the nodes; {@code standIns} lets inference use the stand-ins that skip work but not every node's own output. */
    private void run(Map<String, Tensor> inputs, boolean training, boolean standIns) {
        Tensor[] v = new Tensor[slots.size()];
        int batch = -1;
        for (String name : inputNames) {
            Tensor x = inputs.get(name);
            Shape expected = shapes.get(name);
            if (x == null) {
                throw new IllegalArgumentException("no tensor given for the input '" + name + "'; inputs are "
                        + inputNames);
            }
            if (x.shape().rank() != expected.rank() + 1 || !x.shape().withoutBatch().equals(expected)) {
                throw new ShapeMismatchException("input '" + name + "' expects a batch of shape [N, "
                        + expected.toString().substring(1) + ", got " + x.shape());
            }
            if (batch >= 0 && x.shape().dim(0) != batch) {
                throw new ShapeMismatchException("the inputs hold batches of " + batch + " and " + x.shape().dim(0)
                        + " images; give every input the same batch size");
            }
            batch = x.shape().dim(0);
            v[slots.get(name)] = x;
        }
        for (String name : inputs.keySet()) {
            if (!slots.containsKey(name) || !inputNames.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not an input of this network; inputs are "
                        + inputNames);
            }
        }
        NodeProfile timing = profile;
        for (GraphNode node : nodes) {
            List<Tensor> in = new ArrayList<>(node.inputs.length);
            for (int slot : node.inputs) {
                in.add(v[slot]);
            }
            long start = timing == null ? 0 : System.nanoTime();
            v[node.output] = (standIns ? node.inference : node.runtime).forward(in, training);
            if (timing != null) {
                timing.addForward(node.name, System.nanoTime() - start);
            }
        }
        if (timing != null) {
            timing.countForwardPass();
        }
        values = v;
    }

    @Override
    public Map<String, Tensor> backward(Map<String, Tensor> outputGradients) {
        Tensor[] gradients = propagate(outputGradients, true);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : inputNames) {
            Tensor g = gradients[slots.get(name)];
            Shape shape = values[slots.get(name)].shape();
            out.put(name, g == null ? backend.zeros(shape) : reusing ? backend.tensor(g.toArray(), shape) : g);
        }
        return out;
    }

    @Override
    public void backwardToParameters(Map<String, Tensor> outputGradients) {
        propagate(outputGradients, false);
    }

    /** Reverse topological order; gradients meeting at a value are summed. */
    private Tensor[] propagate(Map<String, Tensor> outputGradients, boolean toInputs) {
        if (values == null) {
            throw new IllegalStateException("call forward before backward");
        }
        for (String name : outputGradients.keySet()) {
            if (!outputSet.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not an output of this network; outputs are "
                        + outputNames);
            }
        }
        everyParameter.forEach(Parameter::clearGradient);
        Tensor[] gradients = new Tensor[slots.size()];
        boolean[] summed = new boolean[slots.size()];
        for (var entry : outputGradients.entrySet()) {
            int slot = slots.get(entry.getKey());
            Shape expected = values[slot].shape();
            if (!entry.getValue().shape().equals(expected)) {
                throw new ShapeMismatchException("the gradient of output '" + entry.getKey() + "' has shape "
                        + entry.getValue().shape() + " but the output has shape " + expected);
            }
            accumulate(gradients, summed, slot, entry.getValue());
        }
        NodeProfile timing = profile;
        for (int k = nodes.size() - 1; k >= 0; k--) {
            GraphNode node = nodes.get(k);
            Tensor g = gradients[node.output];
            if (g == null || !(toInputs || node.needsGradient)) {
                continue;
            }
            long start = timing == null ? 0 : System.nanoTime();
            backwardNode(node, g, gradients, summed, toInputs);
            if (timing != null) {
                timing.addBackward(node.name, System.nanoTime() - start);
            }
        }
        if (timing != null) {
            timing.countBackwardPass();
        }
        return gradients;
    }

    private void backwardNode(GraphNode node, Tensor g, Tensor[] gradients, boolean[] summed, boolean toInputs) {
        boolean anyInputNeeds = toInputs;
        for (boolean needs : node.inputsNeedGradient) {
            anyInputNeeds |= needs;
        }
        if (!anyInputNeeds && node.inputs.length == 1) {
            node.runtime.backwardToParameters(g);
            return;
        }
        List<Tensor> inputGradients = node.runtime.backwardInputs(g);
        if (inputGradients.size() != node.inputs.length) {
            throw new IllegalStateException("node '" + node.name + "' returned " + inputGradients.size()
                    + " input gradients for " + node.inputs.length + " inputs");
        }
        for (int i = 0; i < node.inputs.length; i++) {
            if (toInputs || node.inputsNeedGradient[i]) {
                accumulate(gradients, summed, node.inputs[i], inputGradients.get(i));
            }
        }
    }

    /**
     * Adds {@code g} to the gradient of value {@code slot}. The first gradient is taken as it is; while reusing, the
     * sum of the first two goes into the network's own buffer for the slot (never into a tensor a layer or the
     * caller gave, which other slots may share) and later ones are added into it in place.
     */
    private void accumulate(Tensor[] gradients, boolean[] summed, int slot, Tensor g) {
        if (gradients[slot] == null) {
            gradients[slot] = g;
        } else if (!reusing) {
            gradients[slot] = backend.add(gradients[slot], g);
        } else if (summed[slot]) {
            backend.addInPlace(gradients[slot], g);
        } else {
            gradientSums[slot] = backend.addInto(gradients[slot], g, gradientSums[slot]);
            gradients[slot] = gradientSums[slot];
            summed[slot] = true;
        }
    }

    @Override
    public Map<String, Parameter> parameters() {
        return parameters;
    }

    @Override
    public String summary() {
        return Summary.of(this);
    }

    private GraphNode node(String name) {
        GraphNode node = nodeByName.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no node '" + name + "' in this network; nodes are " + nodeNames());
        }
        return node;
    }
}
