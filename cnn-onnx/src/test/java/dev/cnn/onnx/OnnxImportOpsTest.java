package dev.cnn.onnx;

import static dev.cnn.onnx.OnnxGraphWriter.integer;
import static dev.cnn.onnx.OnnxGraphWriter.ints;
import static dev.cnn.onnx.OnnxGraphWriter.real;
import static dev.cnn.onnx.TinyGraphs.model;
import static dev.cnn.onnx.TinyGraphs.node;
import static dev.cnn.onnx.TinyGraphs.withAttribute;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cnn.api.model.Model;
import dev.cnn.onnx.proto.OnnxProto.AttributeProto;
import dev.cnn.onnx.proto.OnnxProto.GraphProto;
import dev.cnn.onnx.proto.OnnxProto.ModelProto;
import dev.cnn.onnx.proto.OnnxProto.NodeProto;
import dev.cnn.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.cnn.onnx.proto.OnnxProto.TensorProto;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operators and attribute forms that neither our export nor the PyTorch files use, in one hand-made graph that
 * ONNX Runtime runs as the reference: Sub by a per-channel initializer and Div by a Constant node, Conv with
 * auto_pad SAME_UPPER, MaxPool with a ceil_mode that changes nothing, AveragePool with count_include_pad and no
 * padding, Dropout with a ratio input, Reshape to [0, -1] from a Constant, MatMul + Add, LeakyRelu with its default
 * alpha, Gemm with transB, alpha and beta, Identity, and a final Softmax with the opset's default axis.
 */
class OnnxImportOpsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {11, 13, 17})
    void importComputesWhatOnnxRuntimeDoes(int opset) throws Exception {
        ModelProto.Builder m = model();
        m.setOpsetImport(0, OperatorSetIdProto.newBuilder().setVersion(opset));
        GraphProto.Builder g = m.getGraphBuilder();
        g.addInitializer(values("mean", 1, 2, 1, 1)).addInitializer(values("k", 4, 2, 3, 3))
                .addInitializer(values("kb", 4)).addInitializer(values("w", 36, 5)).addInitializer(values("b", 5))
                .addInitializer(values("g", 3, 5)).addInitializer(values("gc", 3));
        if (opset >= 12) {
            g.addInitializer(TensorProto.newBuilder().setName("ratio").setDataType(TensorProto.DataType.FLOAT_VALUE)
                    .addFloatData(0.5f));
        }
        g.addNode(node("Sub", "sub", "s", "x", "mean"))
                .addNode(withAttribute(node("Constant", "std", "std"), real("value_float", 0.7f)).toBuilder()
                        .clearInput().build())
                .addNode(node("Div", "div", "d", "s", "std"))
                .addNode(attributes(node("Conv", "conv", "c", "d", "k", "kb"), text("auto_pad", "SAME_UPPER"),
                        ints("kernel_shape", 3, 3)))
                .addNode(node("Relu", "relu", "r", "c"))
                .addNode(attributes(node("MaxPool", "max", "p", "r"), ints("kernel_shape", 2, 2),
                        ints("strides", 2, 2), integer("ceil_mode", 1)))
                .addNode(attributes(node("AveragePool", "avg", "a", "p"), ints("kernel_shape", 1, 1),
                        integer("count_include_pad", 1)))
                .addNode(opset >= 12 ? node("Dropout", "drop", "dr", "a", "ratio") : node("Dropout", "drop", "dr", "a"))
                .addNode(withAttribute(node("Constant", "shape", "sh"), AttributeProto.newBuilder().setName("value")
                        .setType(AttributeProto.AttributeType.TENSOR).setT(TensorProto.newBuilder()
                                .setDataType(TensorProto.DataType.INT64_VALUE).addDims(2).addInt64Data(0)
                                .addInt64Data(-1)).build()))
                .addNode(node("Reshape", "reshape", "f", "dr", "sh"))
                .addNode(node("MatMul", "matmul", "mm", "f", "w"))
                .addNode(node("Add", "bias", "mb", "mm", "b"))
                .addNode(node("LeakyRelu", "leaky", "l", "mb"))
                .addNode(attributes(node("Gemm", "gemm", "gm", "l", "g", "gc"), integer("transB", 1),
                        real("alpha", 0.5f), real("beta", 2f)))
                .addNode(node("Identity", "same", "id", "gm"))
                .addNode(node("Softmax", "softmax", "y", "id"));
        g.setOutput(0, TinyGraphs.value("y", 3));
        Path file = TinyGraphs.write(dir, m);
        Model model = Onnx.importModel(file, TestModels.CPU);
        assertEquals(0.7, model.preprocessing().std()[0], 1e-9);
        float[] pixels = TestModels.pixels(4, model.inputShape(), 6);
        Map<String, float[][]> theirs = OrtRunner.run(m.build().toByteArray(), "x", pixels,
                TestModels.dims(4, model.inputShape()));
        double d = Agreement.assertClose(model.predict(pixels, 4).get("y"), theirs.get("y"), "opset " + opset);
        System.out.printf("onnx import of the hand-made graph, opset %d: max relative difference vs ONNX Runtime %.2e%n",
                opset, d);
    }

    private static NodeProto attributes(NodeProto node, AttributeProto... attributes) {
        NodeProto out = node;
        for (AttributeProto a : attributes) {
            out = withAttribute(out, a);
        }
        return out;
    }

    private static AttributeProto text(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(com.google.protobuf.ByteString.copyFromUtf8(value)).build();
    }

    /** A float initializer of {@code dims} with values spread over about [-1, 1]. */
    private static TensorProto values(String name, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        long size = 1;
        for (long d : dims) {
            t.addDims(d);
            size *= d;
        }
        for (int i = 0; i < size; i++) {
            t.addFloatData((float) Math.sin(1.7 * i + name.length()));
        }
        return t.build();
    }
}
