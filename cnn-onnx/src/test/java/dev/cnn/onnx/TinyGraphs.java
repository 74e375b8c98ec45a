package dev.cnn.onnx;

import dev.cnn.onnx.proto.OnnxProto.AttributeProto;
import dev.cnn.onnx.proto.OnnxProto.GraphProto;
import dev.cnn.onnx.proto.OnnxProto.ModelProto;
import dev.cnn.onnx.proto.OnnxProto.NodeProto;
import dev.cnn.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.cnn.onnx.proto.OnnxProto.TensorProto;
import dev.cnn.onnx.proto.OnnxProto.TensorShapeProto;
import dev.cnn.onnx.proto.OnnxProto.TypeProto;
import dev.cnn.onnx.proto.OnnxProto.ValueInfoProto;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small hand-made ONNX models for the refusal tests: an input [N, 2, 6, 6] and whatever nodes a test adds. */
final class TinyGraphs {
    private TinyGraphs() {
    }

    /** A model with the input {@code x} of shape {@code [N, dims...]} and the output {@code y}, without nodes. */
    static ModelProto.Builder model(long... dims) {
        GraphProto.Builder graph = GraphProto.newBuilder().setName("tiny")
                .addInput(value("x", dims)).addOutput(value("y", 2));
        return ModelProto.newBuilder().setIrVersion(8).setGraph(graph)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(13));
    }

    /** An image input of 2 channels of 6x6. */
    static ModelProto.Builder model() {
        return model(2, 6, 6);
    }

    static ValueInfoProto value(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }

    static NodeProto node(String op, String name, String output, String... inputs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name).addOutput(output);
        for (String in : inputs) {
            n.addInput(in);
        }
        return n.build();
    }

    static NodeProto withAttribute(NodeProto node, AttributeProto attribute) {
        return node.toBuilder().addAttribute(attribute).build();
    }

    /** A float initializer of {@code dims} holding {@code 0.1, 0.2, ...}. */
    static TensorProto weights(String name, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        long size = 1;
        for (long d : dims) {
            t.addDims(d);
            size *= d;
        }
        for (int i = 0; i < size; i++) {
            t.addFloatData(0.1f * ((i % 7) + 1));
        }
        return t.build();
    }

    static Path write(Path dir, ModelProto.Builder model) throws Exception {
        return write(dir, model.build().toByteArray());
    }

    static Path write(Path dir, byte[] bytes) throws Exception {
        Path file = Files.createTempFile(dir, "tiny", ".onnx");
        Files.write(file, bytes);
        return file;
    }
}
