package dev.cnn.onnx;

import static dev.cnn.onnx.OnnxGraphWriter.integer;
import static dev.cnn.onnx.OnnxGraphWriter.ints;
import static dev.cnn.onnx.OnnxGraphWriter.text;
import static dev.cnn.onnx.TinyGraphs.node;
import static dev.cnn.onnx.TinyGraphs.weights;
import static dev.cnn.onnx.TinyGraphs.withAttribute;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.model.Model;
import dev.cnn.onnx.proto.OnnxProto.AttributeProto;
import dev.cnn.onnx.proto.OnnxProto.ModelProto;
import dev.cnn.onnx.proto.OnnxProto.NodeProto;
import dev.cnn.onnx.proto.OnnxProto.TensorProto;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-made graphs of the padding and dilation forms import now reads, each x [N, 2, 6, 6] -> node -> Flatten -> Gemm
 * -> Softmax,
 * computing what ONNX Runtime computes: uneven Conv and pooling pads (a pad2d node before the layer), auto_pad
 * SAME_UPPER and SAME_LOWER where they come out odd, dilated plain and grouped Conv, ceil_mode, count_include_pad, and
 * Pad with and without a constant value.
 */
class OnnxImportPaddingTest {
    @TempDir
    Path dir;

    static Stream<Arguments> forms() {
        AttributeProto k2 = ints("kernel_shape", 2, 2);
        AttributeProto k3 = ints("kernel_shape", 3, 3);
        return Stream.of(
                Arguments.of("Conv uneven pads", conv(2, 2, k2, ints("pads", 0, 1, 1, 0)), true),
                Arguments.of("Conv SAME_UPPER", conv(2, 3, k3, text("auto_pad", "SAME_UPPER"), ints("strides", 2, 2)),
                        true),
                Arguments.of("Conv SAME_LOWER", conv(2, 2, k2, text("auto_pad", "SAME_LOWER")), true),
                Arguments.of("Conv dilated", conv(2, 3, k3, ints("dilations", 2, 2), ints("pads", 1, 2, 1, 2)), false),
                Arguments.of("Conv grouped dilated", grouped(), false),
                Arguments.of("MaxPool uneven pads", pool("MaxPool", k3, ints("pads", 1, 0, 2, 1)), true),
                Arguments.of("MaxPool ceil_mode", pool("MaxPool", k3, ints("strides", 2, 2), integer("ceil_mode", 1)),
                        false),
                Arguments.of("AveragePool counting uneven pads", pool("AveragePool", k3, ints("pads", 0, 1, 2, 1),
                        integer("count_include_pad", 1)), true),
                Arguments.of("AveragePool ceil_mode counting pads", pool("AveragePool", k2, ints("strides", 2, 2),
                        ints("pads", 1, 1, 1, 1), integer("ceil_mode", 1), integer("count_include_pad", 1)), false),
                Arguments.of("Pad with a value", pad(true), true),
                Arguments.of("Pad of zeros", pad(false), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void importComputesWhatOnnxRuntimeDoes(String name, ModelProto.Builder m, boolean padLayer) throws Exception {
        Model model = Onnx.importModel(TinyGraphs.write(dir, m), TestModels.CPU);
        float[] pixels = TestModels.pixels(3, model.inputShape(), 2);
        Map<String, float[][]> theirs = OrtRunner.run(m.build().toByteArray(), "x", pixels,
                TestModels.dims(3, model.inputShape()));
        double d = Agreement.assertClose(model.predict(pixels, 3).get("y"), theirs.get("y"), name);
        String summary = model.network().summary();
        assertTrue(summary.contains("pad2d") == padLayer, name + ": " + summary);
        System.out.printf("onnx import of %s: max relative difference vs ONNX Runtime %.2e%n", name, d);
    }

    /** x -> Conv(filters, attributes) -> Flatten -> Gemm. */
    private static ModelProto.Builder conv(int filters, int k, AttributeProto... attributes) {
        return graph(node("Conv", "conv", "c", "x", "k"), List.of(weights("k", filters, 2, k, k)), attributes);
    }

    private static ModelProto.Builder grouped() {
        return graph(node("Conv", "conv", "c", "x", "k"), List.of(weights("k", 4, 1, 2, 2)), ints("kernel_shape", 2, 2),
                integer("group", 2), ints("dilations", 3, 2), ints("pads", 1, 1, 1, 1));
    }

    private static ModelProto.Builder pool(String op, AttributeProto... attributes) {
        return graph(node(op, "pool", "c", "x"), List.of(), attributes);
    }

    private static ModelProto.Builder pad(boolean value) {
        TensorProto.Builder pads = TensorProto.newBuilder().setName("pads").setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(8);
        for (long p : new long[] {0, 0, 1, 0, 0, 0, 2, 3}) {
            pads.addInt64Data(p);
        }
        TensorProto v = TensorProto.newBuilder().setName("v").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addFloatData(-0.75f).build();
        NodeProto n = value ? node("Pad", "pad", "c", "x", "pads", "v") : node("Pad", "pad", "c", "x", "pads");
        return graph(n, value ? List.of(pads.build(), v) : List.of(pads.build()), text("mode", "constant"));
    }

    /** The model x -> {@code first} (with {@code attributes}) -> Flatten -> Gemm(w) -> Softmax -> y, w sized to fit. */
    private static ModelProto.Builder graph(NodeProto first, List<TensorProto> initializers, AttributeProto... attributes) {
        NodeProto n = first;
        for (AttributeProto a : attributes) {
            n = withAttribute(n, a);
        }
        for (int features = 1; ; features++) {
            ModelProto.Builder m = TinyGraphs.model();
            m.getGraphBuilder().addAllInitializer(initializers).addInitializer(weights("w", features, 2)).addNode(n)
                    .addNode(node("Flatten", "flat", "f", "c")).addNode(node("Gemm", "dense", "g", "f", "w"))
                    .addNode(node("Softmax", "softmax", "y", "g"));
            if (fits(m)) {
                return m;
            }
        }
    }

    /** Whether the Gemm's weight fits what the first node makes (import refuses the other sizes). */
    private static boolean fits(ModelProto.Builder m) {
        try {
            Path file = java.nio.file.Files.createTempFile("fit", ".onnx");
            try {
                java.nio.file.Files.write(file, m.build().toByteArray());
                Onnx.importModel(file, TestModels.CPU);
                return true;
            } finally {
                java.nio.file.Files.delete(file);
            }
        } catch (OnnxFormatException e) {
            if (e.getMessage().contains("(Gemm)")) {
                return false;
            }
            throw new AssertionError(e.getMessage(), e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
