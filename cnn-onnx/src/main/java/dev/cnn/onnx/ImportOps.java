package dev.cnn.onnx;

import dev.cnn.api.layers.Add;
import dev.cnn.api.layers.BatchNorm;
import dev.cnn.api.layers.Concatenate;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.LeakyReLU;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.layers.Sigmoid;
import dev.cnn.api.layers.Softmax;
import dev.cnn.api.layers.Tanh;
import dev.cnn.api.tensor.Shape;
import dev.cnn.onnx.ImportValue.Computed;
import dev.cnn.onnx.ImportValue.PendingMatMul;
import dev.cnn.onnx.proto.OnnxProto.NodeProto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators import reads, each as our layers: see {@link #SUPPORTED}. The convolutions and poolings are in
 * {@link ConvImport}, padding in {@link PadImport}, the constants, shapes and aliases in {@link ImportPlumbing}.
 */
final class ImportOps {
    /** The operators import reads. */
    static final String SUPPORTED = "Conv, MaxPool, AveragePool, GlobalAveragePool, GlobalMaxPool, Pad (constant, on H"
            + " and W), Gemm, MatMul"
            + " (+ Add of a bias), BatchNormalization, Relu, LeakyRelu, Sigmoid, Tanh, Softmax, Flatten, Reshape (to [N, features]), Add,"
            + " Sum, Concat, Dropout, Identity, Constant, and a leading Sub/Div of the input (the normalisation)";

    private ImportOps() {
    }

    /** Translates one node, defining its output in {@code g}. */
    static void translate(ImportGraph g, NodeProto n) throws OnnxFormatException {
        String op = n.getOpType();
        switch (op) {
            case "Conv" -> define(g, n, ConvImport.conv(g, inputs(n, 2, 3)));
            case "MaxPool" -> define(g, n, ConvImport.pool(g, inputs(n, 1, 1), true));
            case "AveragePool" -> define(g, n, ConvImport.pool(g, inputs(n, 1, 1), false));
            case "GlobalAveragePool" -> define(g, n, ConvImport.global(g, inputs(n, 1, 1), false));
            case "GlobalMaxPool" -> define(g, n, ConvImport.global(g, inputs(n, 1, 1), true));
            case "Pad" -> define(g, n, PadImport.pad(g, inputs(n, 2, 3)));
            case "Gemm" -> define(g, n, gemm(g, inputs(n, 2, 3)));
            case "MatMul" -> matMul(g, inputs(n, 2, 2));
            case "BatchNormalization" -> define(g, n, batchNorm(g, inputs(n, 5, 5)));
            case "Relu", "Sigmoid", "Tanh" -> {
                NodeAttributes.of(inputs(n, 1, 1));
                define(g, n, unary(g, n, op.equals("Relu") ? new ReLU() : op.equals("Sigmoid") ? new Sigmoid() : new Tanh()));
            }
            case "LeakyRelu" -> {
                NodeAttributes a = NodeAttributes.of(inputs(n, 1, 1), "alpha");
                float alpha = a.real("alpha", 0.01f);
                if (!(alpha >= 0)) {
                    throw a.refuse("has alpha " + alpha + "; our leaky_relu takes alpha >= 0");
                }
                define(g, n, unary(g, n, new LeakyReLU(alpha)));
            }
            case "Softmax" -> define(g, n, softmax(g, inputs(n, 1, 1)));
            case "Add", "Sum" -> add(g, inputs(n, op.equals("Add") ? 2 : 1, op.equals("Add") ? 2 : Integer.MAX_VALUE));
            case "Concat" -> define(g, n, concat(g, inputs(n, 1, Integer.MAX_VALUE)));
            case "Flatten", "Reshape", "Dropout", "Identity", "Constant", "Sub", "Div" -> ImportPlumbing.translate(g, n);
            default -> throw NodeAttributes.refuse(n, "is an operator import does not read; it reads " + SUPPORTED);
        }
    }

    /** The name our node for {@code n} is made from: the ONNX node's name, else its output's. */
    static String wish(NodeProto n) {
        return n.getName().isEmpty() ? n.getOutput(0) : n.getName();
    }

    static void define(ImportGraph g, NodeProto n, ImportValue v) throws OnnxFormatException {
        for (int i = 1; i < n.getOutputCount(); i++) {
            if (!n.getOutput(i).isEmpty()) {
                throw NodeAttributes.refuse(n, "has " + n.getOutputCount() + " outputs; import reads the first only");
            }
        }
        g.define(n.getOutput(0), v);
    }

    /** {@code n}, checked to have from {@code min} to {@code max} inputs and an output. */
    static NodeProto inputs(NodeProto n, int min, int max) throws OnnxFormatException {
        if (n.getInputCount() < min || n.getInputCount() > max || n.getOutputCount() < 1 || n.getOutput(0).isEmpty()) {
            throw NodeAttributes.refuse(n, "has " + n.getInputCount() + " inputs and " + n.getOutputCount()
                    + " outputs; ONNX gives it " + min + (max == min ? "" : max == Integer.MAX_VALUE ? " or more"
                    : " to " + max) + " inputs and an output");
        }
        return n;
    }

    private static Computed unary(ImportGraph g, NodeProto n, dev.cnn.api.layer.LayerConfig layer)
            throws OnnxFormatException {
        Computed x = g.computed(n.getInput(0), n);
        return g.add(wish(n), layer, List.of(x), Map.of(), x.onnxShape(), n);
    }

    private static Computed flat(ImportGraph g, NodeProto n) throws OnnxFormatException {
        Computed x = g.computed(n.getInput(0), n);
        if (x.shape().rank() != 1) {
            throw NodeAttributes.refuse(n, "reads a value of shape [N, " + x.onnxShape() + "]; import reads [N, features]"
                    + " there (put a Flatten before it)");
        }
        return x;
    }

    private static Computed gemm(ImportGraph g, NodeProto n) throws OnnxFormatException {
        NodeAttributes a = NodeAttributes.of(n, "alpha", "beta", "transA", "transB");
        if (a.integer("transA", 0) != 0) {
            throw a.refuse("has transA 1; supported: transA 0 (images are rows)");
        }
        Computed x = flat(g, n);
        OnnxTensors.Data b = g.constant(n.getInput(1), n, "weights");
        boolean transB = a.integer("transB", 0) != 0;
        int features = x.shape().dim(0);
        if (b.dims().length != 2 || b.floats() == null || b.dims()[transB ? 1 : 0] != features) {
            throw a.refuse("has weights of shape " + java.util.Arrays.toString(b.dims()) + (transB ? " (transposed)" : "")
                    + " for " + features + " features; supported: float [features, units] or, with transB 1, [units, features]");
        }
        int units = (int) b.dims()[transB ? 0 : 1];
        float alpha = a.real("alpha", 1f);
        float[] weight = new float[features * units];
        for (int i = 0; i < features; i++) {
            for (int j = 0; j < units; j++) {
                weight[i * units + j] = alpha * b.floats()[transB ? j * features + i : i * units + j];
            }
        }
        Map<String, float[]> params = new LinkedHashMap<>();
        params.put("weight", weight);
        boolean hasBias = n.getInputCount() > 2 && !n.getInput(2).isEmpty();
        if (hasBias) {
            float beta = a.real("beta", 1f);
            float[] c = bias(g, n, n.getInput(2), units);
            for (int j = 0; j < units; j++) {
                c[j] *= beta;
            }
            params.put("bias", c);
        }
        return g.add(wish(n), new Dense(units, hasBias, null), List.of(x), params, null, n);
    }

    /** A bias of {@code units} values, given as {@code [units]}, {@code [1, units]} or one number for all. */
    private static float[] bias(ImportGraph g, NodeProto n, String name, int units) throws OnnxFormatException {
        OnnxTensors.Data c = g.constant(name, n, "bias");
        boolean row = c.dims().length == 1 || (c.dims().length == 2 && c.dims()[0] == 1);
        float[] v = g.floats(name, n, "bias", -1);
        if (v.length == 1) {
            float[] all = new float[units];
            java.util.Arrays.fill(all, v[0]);
            return all;
        }
        if (!row || v.length != units) {
            throw NodeAttributes.refuse(n, "has a bias of shape " + java.util.Arrays.toString(c.dims()) + " for "
                    + units + " units; supported: [units], [1, units] or one value");
        }
        return v.clone();
    }

    private static void matMul(ImportGraph g, NodeProto n) throws OnnxFormatException {
        NodeAttributes.of(n);
        Computed x = flat(g, n);
        OnnxTensors.Data w = g.constant(n.getInput(1), n, "weights");
        if (w.dims().length != 2 || w.floats() == null || w.dims()[0] != x.shape().dim(0)) {
            throw NodeAttributes.refuse(n, "multiplies [N, " + x.shape().dim(0) + "] by a value of shape "
                    + java.util.Arrays.toString(w.dims()) + "; supported: a float constant [features, units]");
        }
        define(g, n, new PendingMatMul(x, w.floats(), (int) w.dims()[1], wish(n)));
    }

    private static void add(ImportGraph g, NodeProto n) throws OnnxFormatException {
        NodeAttributes.of(n);
        if (n.getInputCount() == 2 && g.value(n.getInput(0)) instanceof PendingMatMul p
                && g.value(n.getInput(1)) instanceof ImportValue.Constant) {
            Map<String, float[]> params = new LinkedHashMap<>();
            params.put("weight", p.weight());
            params.put("bias", bias(g, n, n.getInput(1), p.units()));
            define(g, n, g.add(p.name(), new Dense(p.units(), true, null), List.of(p.input()), params, null, n));
            return;
        }
        List<Computed> xs = new ArrayList<>();
        for (String in : n.getInputList()) {
            Computed x = g.computed(in, n);
            if (!xs.isEmpty() && !x.onnxShape().equals(xs.get(0).onnxShape())) {
                throw NodeAttributes.refuse(n, "adds values of shapes [N, " + xs.get(0).onnxShape() + "] and [N, "
                        + x.onnxShape() + "]; supported: values of one shape, or a constant bias after a MatMul");
            }
            xs.add(x);
        }
        if (xs.size() == 1) {
            g.define(n.getOutput(0), xs.get(0));
            return;
        }
        define(g, n, g.add(wish(n), new Add(), xs, Map.of(), xs.get(0).onnxShape(), n));
    }

    private static Computed batchNorm(ImportGraph g, NodeProto n) throws OnnxFormatException {
        NodeAttributes a = NodeAttributes.of(n, "epsilon", "momentum", "training_mode");
        if (a.integer("training_mode", 0) != 0) {
            throw a.refuse("has training_mode 1; supported: 0 (inference, with the running statistics)");
        }
        Computed x = g.computed(n.getInput(0), n);
        float epsilon = a.real("epsilon", 1e-5f);
        if (!(epsilon > 0)) {
            throw a.refuse("has epsilon " + epsilon + "; our batch_norm takes epsilon > 0");
        }
        int channels = x.shape().dim(0);
        Map<String, float[]> params = new LinkedHashMap<>();
        params.put("gamma", g.floats(n.getInput(1), n, "scale", channels));
        params.put("beta", g.floats(n.getInput(2), n, "bias", channels));
        params.put("running_mean", g.floats(n.getInput(3), n, "mean", channels));
        params.put("running_variance", g.floats(n.getInput(4), n, "variance", channels));
        return g.add(wish(n), new BatchNorm(0.9, epsilon), List.of(x), params, x.onnxShape(), n);
    }

    private static Computed softmax(ImportGraph g, NodeProto n) throws OnnxFormatException {
        NodeAttributes a = NodeAttributes.of(n, "axis");
        Computed x = g.computed(n.getInput(0), n);
        int rank = x.onnxShape().rank() + 1;
        long axis = a.integer("axis", g.opset >= 13 ? -1 : 1);
        long normalised = axis < 0 ? axis + rank : axis;
        boolean trailingOnes = true;
        for (int i = 1; i < x.onnxShape().rank(); i++) {
            trailingOnes &= x.onnxShape().dim(i) == 1;
        }
        if (x.shape().rank() != 1 || !(normalised == 1 && (g.opset < 13 || rank == 2 || trailingOnes)
                || normalised == rank - 1 && rank == 2)) {
            throw a.refuse("takes the softmax over axis " + axis + " of [N, " + x.onnxShape() + "]; supported: over"
                    + " the features of [N, features]");
        }
        return g.add(wish(n), new Softmax(), List.of(x), Map.of(), x.onnxShape(), n);
    }

    private static Computed concat(ImportGraph g, NodeProto n) throws OnnxFormatException {
        NodeAttributes a = NodeAttributes.of(n, "axis");
        List<Computed> xs = new ArrayList<>();
        for (String in : n.getInputList()) {
            xs.add(g.computed(in, n));
        }
        int rank = xs.get(0).onnxShape().rank() + 1;
        long axis = a.integer("axis", Long.MIN_VALUE);
        if ((axis < 0 ? axis + rank : axis) != 1) {
            throw a.refuse("joins along axis " + axis + " of rank-" + rank + " values; supported: axis 1 (channels or"
                    + " features)");
        }
        if (xs.size() == 1) {
            return xs.get(0);
        }
        int[] onnx = xs.get(0).onnxShape().dims();
        onnx[0] = xs.stream().mapToInt(x -> x.onnxShape().dim(0)).sum();
        return g.add(wish(n), new Concatenate(), xs, Map.of(), Shape.of(onnx), n);
    }
}
