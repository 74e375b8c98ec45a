package dev.cnn.onnx;

import dev.cnn.api.layers.Flatten;
import dev.cnn.api.tensor.Shape;
import dev.cnn.onnx.ImportValue.Computed;
import dev.cnn.onnx.ImportValue.Constant;
import dev.cnn.onnx.ImportValue.Normalized;
import dev.cnn.onnx.proto.OnnxProto.AttributeProto;
import dev.cnn.onnx.proto.OnnxProto.NodeProto;
import dev.cnn.onnx.proto.OnnxProto.TensorProto;
import java.util.List;
import java.util.Map;

/**
 * The operators that move or name values rather than compute: {@code Flatten} and {@code Reshape} to
 * {@code [N, features]}, {@code Dropout} and {@code Identity} (the value itself), {@code Constant}, and a leading
 * {@code Sub}/{@code Div} of the input by constants, which becomes the model's normalisation.
 */
final class ImportPlumbing {
    private ImportPlumbing() {
    }

    static void translate(ImportGraph g, NodeProto n) throws OnnxFormatException {
        switch (n.getOpType()) {
            case "Flatten" -> {
                NodeAttributes a = NodeAttributes.of(ImportOps.inputs(n, 1, 1), "axis");
                Computed x = g.computed(n.getInput(0), n);
                long axis = a.integer("axis", 1);
                if ((axis < 0 ? axis + x.onnxShape().rank() + 1 : axis) != 1) {
                    throw a.refuse("flattens from axis " + axis + "; supported: axis 1, to [N, features]");
                }
                ImportOps.define(g, n, flatten(g, n, x));
            }
            case "Reshape" -> reshape(g, ImportOps.inputs(n, 2, 2));
            case "Dropout" -> {
                NodeAttributes.of(ImportOps.inputs(n, 1, 3), "seed");
                if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
                    OnnxTensors.Data mode = g.constant(n.getInput(2), n, "training_mode");
                    if (mode.size() != 1 || (mode.longs() != null ? mode.longs()[0] : mode.floats()[0]) != 0) {
                        throw NodeAttributes.refuse(n, "runs in training mode; supported: inference (dropout is then"
                                + " the identity)");
                    }
                }
                ImportOps.define(g, n, g.value(n.getInput(0)));
            }
            case "Identity" -> {
                NodeAttributes.of(ImportOps.inputs(n, 1, 1));
                ImportOps.define(g, n, g.value(n.getInput(0)));
            }
            case "Constant" -> ImportOps.define(g, n, constant(g, ImportOps.inputs(n, 0, 0)));
            case "Sub", "Div" -> normalize(g, ImportOps.inputs(n, 2, 2));
            default -> throw new IllegalStateException("not plumbing: " + n.getOpType());
        }
    }

    private static Computed flatten(ImportGraph g, NodeProto n, Computed x) throws OnnxFormatException {
        if (x.shape().rank() == 1) {
            return new Computed(x.node(), x.shape(), x.shape());
        }
        return g.add(ImportOps.wish(n), new Flatten(), List.of(x), Map.of(), null, n);
    }

    /** A reshape to {@code [N, features]}: the batch as 0, -1 or the input's fixed batch size; the features as -1 or all of them. */
    private static void reshape(ImportGraph g, NodeProto n) throws OnnxFormatException {
        NodeAttributes a = NodeAttributes.of(n, "allowzero");
        Computed x = g.computed(n.getInput(0), n);
        OnnxTensors.Data shape = g.constant(n.getInput(1), n, "target shape");
        long[] t = shape.longs();
        long features = x.onnxShape().size();
        boolean ok = t != null && t.length == 2 && a.integer("allowzero", 0) == 0
                && (t[1] == features && (t[0] == 0 || t[0] == -1 || t[0] == g.batch)
                    || t[1] == -1 && (t[0] == 0 || t[0] == g.batch && g.batch > 0));
        if (!ok) {
            throw a.refuse("reshapes [N, " + x.onnxShape() + "] to " + (t == null ? "a float shape"
                    : java.util.Arrays.toString(t)) + "; supported: to [N, features] (as [0, -1], [-1, " + features
                    + "], [N, -1] with the input's batch size N)");
        }
        ImportOps.define(g, n, flatten(g, n, x));
    }

    private static ImportValue constant(ImportGraph g, NodeProto n) throws OnnxFormatException {
        NodeAttributes a = NodeAttributes.of(n, "value", "value_float", "value_floats", "value_int", "value_ints");
        if (n.getAttributeCount() != 1) {
            throw a.refuse("has " + n.getAttributeCount() + " attributes; ONNX gives a Constant exactly one");
        }
        AttributeProto v = n.getAttribute(0);
        TensorProto.Builder t = TensorProto.newBuilder();
        switch (v.getName()) {
            case "value" -> {
                if (v.getType() != AttributeProto.AttributeType.TENSOR) {
                    throw a.refuse("has a 'value' that is not a tensor");
                }
                t.mergeFrom(v.getT());
            }
            case "value_float" -> t.setDataType(TensorProto.DataType.FLOAT_VALUE).addFloatData(a.real("value_float", 0));
            case "value_int" -> t.setDataType(TensorProto.DataType.INT64_VALUE).addInt64Data(a.integer("value_int", 0));
            case "value_floats" -> t.setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(v.getFloatsCount())
                    .addAllFloatData(v.getFloatsList());
            default -> t.setDataType(TensorProto.DataType.INT64_VALUE).addDims(v.getIntsCount())
                    .addAllInt64Data(v.getIntsList());
        }
        OnnxTensors.Data data = OnnxTensors.read(t.build(), NodeAttributes.describe(n) + "'s value", g.constantBudget());
        g.spend(data.size());
        return new Constant(data);
    }

    /** {@code input - mean}, then {@code / std}: the normalisation; any other Sub or Div is refused. */
    private static void normalize(ImportGraph g, NodeProto n) throws OnnxFormatException {
        NodeAttributes.of(n);
        boolean sub = n.getOpType().equals("Sub");
        ImportValue x = g.value(n.getInput(0));
        Normalized before = x instanceof Normalized nz ? nz : x == g.input ? new Normalized(g.input, null, null) : null;
        if (before == null || !(g.value(n.getInput(1)) instanceof Constant) || (sub ? before.mean() != null
                || before.std() != null : before.std() != null)) {
            throw NodeAttributes.refuse(n, "is supported only as the normalisation: the input minus a constant, then"
                    + " divided by one (per channel or one value)");
        }
        float[] values = perChannel(g, n, g.floats(n.getInput(1), n, sub ? "mean" : "std", -1));
        ImportOps.define(g, n, sub ? new Normalized(g.input, values, null) : new Normalized(g.input, before.mean(), values));
    }

    /** One value, or one per channel given as {@code [1, C, 1, 1]} or {@code [C, 1, 1]}. */
    private static float[] perChannel(ImportGraph g, NodeProto n, float[] values) throws OnnxFormatException {
        OnnxTensors.Data d = g.constant(n.getInput(1), n, "constant");
        Shape in = g.input.shape();
        if (values.length == 1) {
            return values;
        }
        long[] dims = d.dims();
        boolean channels = in.rank() == 3 && values.length == in.dim(0) && dims.length >= 3
                && dims[dims.length - 1] == 1 && dims[dims.length - 2] == 1 && (dims.length == 3 || dims[0] == 1);
        if (!channels) {
            throw NodeAttributes.refuse(n, "has a constant of shape " + java.util.Arrays.toString(dims) + "; the"
                    + " normalisation takes one value or one per channel ([1, C, 1, 1])");
        }
        return values;
    }
}
