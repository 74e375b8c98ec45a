package dev.cnn.onnx;

import dev.cnn.onnx.proto.OnnxProto.AttributeProto;
import dev.cnn.onnx.proto.OnnxProto.GraphProto;
import dev.cnn.onnx.proto.OnnxProto.NodeProto;
import dev.cnn.onnx.proto.OnnxProto.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the nodes and initializers of one ONNX graph: every value gets a name not used before in the graph (a wish,
 * made unique with a suffix), weights become float initializers in little-endian raw data, and attributes are built
 * with a few typed helpers.
 */
final class OnnxGraphWriter {
    private final GraphProto.Builder graph;
    private final Set<String> used = new HashSet<>();

    OnnxGraphWriter(GraphProto.Builder graph) {
        this.graph = graph;
    }

    /** Marks {@code name} as taken, for the graph's own input and output names. */
    void reserve(String name) {
        used.add(name);
    }

    /** {@code wish} if no value has that name yet, else {@code wish_2}, {@code wish_3} and so on. */
    String unique(String wish) {
        String name = wish;
        for (int i = 2; !used.add(name); i++) {
            name = wish + "_" + i;
        }
        return name;
    }

    /**
     * Adds a node running {@code op} on {@code inputs} and returns the name of its one output.
     *
     * @param name   the node's name and the wish for its output's name
     * @param output the exact output name (already reserved), or null to make one from {@code name}
     */
    String node(String op, String name, String output, List<String> inputs, AttributeProto... attributes) {
        String out = output != null ? output : unique(name);
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(out).addAllInput(inputs).addOutput(out);
        for (AttributeProto a : attributes) {
            node.addAttribute(a);
        }
        graph.addNode(node);
        return out;
    }

    /** Adds a node whose output name is made from {@code name}. */
    String node(String op, String name, List<String> inputs, AttributeProto... attributes) {
        return node(op, name, null, inputs, attributes);
    }

    /** Adds a float initializer of shape {@code dims} and returns its (unique) name. */
    String initializer(String wish, long[] dims, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return initializer(wish, dims, TensorProto.DataType.FLOAT_VALUE, bytes);
    }

    /** Adds an int64 initializer of shape {@code dims} (for example {@code Pad}'s pads) and returns its name. */
    String int64Initializer(String wish, long[] dims, long[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        return initializer(wish, dims, TensorProto.DataType.INT64_VALUE, bytes);
    }

    private String initializer(String wish, long[] dims, int dataType, ByteBuffer littleEndian) {
        String name = unique(wish);
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(dataType)
                .setRawData(com.google.protobuf.ByteString.copyFrom(littleEndian.array()));
        for (long d : dims) {
            tensor.addDims(d);
        }
        graph.addInitializer(tensor);
        return name;
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto text(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(com.google.protobuf.ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }
}
