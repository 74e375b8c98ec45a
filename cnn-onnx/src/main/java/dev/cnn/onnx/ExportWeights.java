package dev.cnn.onnx;

import dev.cnn.api.layer.Parameter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The network's parameters as initializers, each written once however many nodes read it (a shared layer's nodes read
 * its owner's), under the parameter's own name ({@code conv1.weight}).
 */
final class ExportWeights {
    private final OnnxGraphWriter graph;
    private final Map<String, Parameter> parameters;
    private final Map<String, String> written = new HashMap<>();

    ExportWeights(OnnxGraphWriter graph, Map<String, Parameter> parameters) {
        this.graph = graph;
        this.parameters = parameters;
    }

    /** Whether the layer of node {@code owner} has the parameter {@code name}. */
    boolean has(String owner, String name) {
        return parameters.containsKey(owner + "." + name);
    }

    /** The values of {@code owner.name}. */
    float[] values(String owner, String name) {
        return parameter(owner, name).value().toArray();
    }

    /** The initializer holding {@code owner.name} in its own shape. */
    String get(String owner, String name) {
        int[] dims = parameter(owner, name).shape().dims();
        return get(owner, name, Arrays.stream(dims).asLongStream().toArray());
    }

    /** The initializer holding {@code owner.name}'s values (row-major) in the shape {@code dims}. */
    String get(String owner, String name, long[] dims) {
        String full = owner + "." + name;
        String key = full + Arrays.toString(dims);
        return written.computeIfAbsent(key, k -> graph.initializer(full, dims, values(owner, name)));
    }

    private Parameter parameter(String owner, String name) {
        Parameter p = parameters.get(owner + "." + name);
        if (p == null) {
            throw new IllegalStateException("the network has no parameter '" + owner + "." + name + "'");
        }
        return p;
    }
}
