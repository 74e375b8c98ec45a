package dev.cnn.onnx;

import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.model.ModelLimits;
import dev.cnn.api.tensor.Shape;
import dev.cnn.onnx.ImportValue.Computed;
import dev.cnn.onnx.ImportValue.Constant;
import dev.cnn.onnx.ImportValue.Normalized;
import dev.cnn.onnx.ImportValue.PendingMatMul;
import dev.cnn.onnx.proto.OnnxProto.NodeProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Our network as it is being made from an ONNX graph: the value each ONNX name stands for, our nodes (layer, inputs,
 * parameter values) in order, and the running totals of parameters and activations, refused as soon as they pass the
 * model limits.
 */
final class ImportGraph {
    /** One of our nodes: its (changeable) name, layer, inputs, and parameter values by parameter name. */
    static final class Draft {
        String name;
        final LayerConfig layer;
        final List<String> inputs;
        final Map<String, float[]> parameters;

        Draft(String name, LayerConfig layer, List<String> inputs, Map<String, float[]> parameters) {
            this.name = name;
            this.layer = layer;
            this.inputs = new ArrayList<>(inputs);
            this.parameters = parameters;
        }
    }

    final int opset;
    final ModelLimits limits;
    final Computed input;
    /** The input's batch size when the file fixes one, else -1. */
    final long batch;
    final List<Draft> drafts = new ArrayList<>();
    private final Map<String, ImportValue> values = new HashMap<>();
    private final Set<String> names = new HashSet<>();
    private long parameterCount;
    private long constantValues;
    private long activations;
    private Normalized normalization;
    private boolean rawInputRead;

    ImportGraph(int opset, ModelLimits limits, String inputName, Shape inputShape, long batch) {
        this.opset = opset;
        this.limits = limits;
        this.batch = batch;
        this.input = new Computed(name(inputName), inputShape, inputShape);
    }

    /** How many more constant values the file may hold: all of them together at most the parameter limit. */
    long constantBudget() {
        return limits.maxParameters() - constantValues;
    }

    /** Counts a constant's values against {@link #constantBudget()}. */
    void spend(long values) {
        constantValues += values;
    }

    /** A node name of ours from an ONNX name: letters, digits, '_' and '-' only, at most 90 of them, not used before. */
    String name(String wish) {
        String base = wish.replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("^_+|_+$", "");
        if (base.isEmpty()) {
            base = "node";
        }
        if (base.length() > 90) {
            base = base.substring(0, 90);
        }
        String name = base;
        for (int i = 2; !names.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** What {@code onnxName} stands for; null when nothing does. */
    ImportValue value(String onnxName) {
        return values.get(onnxName);
    }

    void define(String onnxName, ImportValue value) {
        values.put(onnxName, value);
    }

    /**
     * The value {@code onnxName} as one our network computes, for {@code reader}: a pending matmul becomes a dense layer
     * without bias, a normalised input the input (the normalisation then belongs to the model).
     */
    Computed computed(String onnxName, NodeProto reader) throws OnnxFormatException {
        ImportValue v = values.get(onnxName);
        if (v instanceof Computed c) {
            rawInputRead |= c == input;
            return c;
        }
        if (v instanceof PendingMatMul p) {
            Computed dense = add(p.name(), new Dense(p.units(), false, null), List.of(p.input()),
                    Map.of("weight", p.weight()), null, reader);
            values.put(onnxName, dense);
            return dense;
        }
        if (v instanceof Normalized n) {
            if (normalization != null && normalization != n) {
                throw NodeAttributes.refuse(reader, "reads the input normalised a second way; import takes one"
                        + " leading Sub/Div of the input as the model's normalisation");
            }
            normalization = n;
            return n.input();
        }
        throw NodeAttributes.refuse(reader, "reads the constant '" + onnxName + "' where our layers need a computed"
                + " value; constants are read as weights, biases and shapes only");
    }

    /** The constant {@code onnxName}, for {@code reader}. */
    OnnxTensors.Data constant(String onnxName, NodeProto reader, String role) throws OnnxFormatException {
        if (values.get(onnxName) instanceof Constant c) {
            return c.data();
        }
        throw NodeAttributes.refuse(reader, "takes its " + role + " from '" + onnxName + "', which is computed;"
                + " import needs a constant (an initializer or a Constant node) there");
    }

    /** The float constant {@code onnxName}, for {@code reader}, holding exactly {@code count} values when count >= 0. */
    float[] floats(String onnxName, NodeProto reader, String role, long count) throws OnnxFormatException {
        OnnxTensors.Data d = constant(onnxName, reader, role);
        if (d.floats() == null) {
            throw NodeAttributes.refuse(reader, "takes its " + role + " from '" + onnxName + "', which holds integers;"
                    + " import reads float32 weights");
        }
        if (count >= 0 && d.floats().length != count) {
            throw NodeAttributes.refuse(reader, "has a " + role + " of " + d.floats().length + " values where "
                    + count + " are needed");
        }
        return d.floats();
    }

    /**
     * Adds our node running {@code layer} on {@code inputs} with these parameter values and returns its value.
     *
     * @param onnxShape what ONNX sees, when it differs from our output shape (after a global pooling); null otherwise
     */
    Computed add(String wish, LayerConfig layer, List<Computed> inputs, Map<String, float[]> parameters,
                 Shape onnxShape, NodeProto source) throws OnnxFormatException {
        List<Shape> shapes = inputs.stream().map(Computed::shape).toList();
        Shape out;
        long count;
        try {
            out = layer.outputShape(shapes);
            count = layer.parameterCount(shapes);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw NodeAttributes.refuse(source, "does not fit its input " + shapes + ": " + OnnxFile.oneLine(e.getMessage()));
        }
        long given = parameters.values().stream().mapToLong(a -> a.length).sum();
        if (given != count) {
            throw NodeAttributes.refuse(source, "has " + given + " weights where our layer needs " + count);
        }
        parameterCount += count;
        activations += out.size();
        if (parameterCount > limits.maxParameters() || activations > limits.maxActivationsPerImage()
                || drafts.size() >= limits.maxNodes()) {
            throw new OnnxFormatException("the graph passes the model limits at " + NodeAttributes.describe(source)
                    + ": " + parameterCount + " parameters (at most " + limits.maxParameters() + "), " + activations
                    + " values per image (at most " + limits.maxActivationsPerImage() + "), " + (drafts.size() + 1)
                    + " nodes (at most " + limits.maxNodes() + ")");
        }
        String name = name(wish);
        drafts.add(new Draft(name, layer, inputs.stream().map(Computed::node).toList(), new LinkedHashMap<>(parameters)));
        return new Computed(name, out, onnxShape == null ? out : onnxShape);
    }

    /** The leading normalisation the graph applies to its input, or null; refused when the raw input is read too. */
    Normalized normalization() throws OnnxFormatException {
        if (normalization != null && rawInputRead) {
            throw new OnnxFormatException("the graph reads its input both normalised (a leading Sub/Div) and as it is;"
                    + " import takes a leading Sub/Div as the model's normalisation only when nothing else reads the input");
        }
        return normalization;
    }

    /** Renames our node {@code from} to {@code to} (a name reserved for a head), with the inputs that read it. */
    void rename(String from, String to) {
        for (Draft d : drafts) {
            if (d.name.equals(from)) {
                d.name = to;
            }
            d.inputs.replaceAll(i -> i.equals(from) ? to : i);
        }
    }
}
