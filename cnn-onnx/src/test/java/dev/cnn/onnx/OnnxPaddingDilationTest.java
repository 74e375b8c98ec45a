package dev.cnn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.model.Model;
import dev.cnn.api.tensor.Shape;
import dev.cnn.onnx.proto.OnnxProto.AttributeProto;
import dev.cnn.onnx.proto.OnnxProto.ModelProto;
import dev.cnn.onnx.proto.OnnxProto.NodeProto;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dilation, "same" padding, pad2d, ceil-mode pooling and averages counting the padding leave as ONNX ({@code
 * dilations}, uneven {@code pads}, {@code Pad}, {@code ceil_mode}, {@code count_include_pad}) that ONNX Runtime runs
 * as ours, and come back in through import computing the same.
 */
class OnnxPaddingDilationTest {
    @TempDir
    Path dir;

    @Test
    void exportRunsInOnnxRuntimeAsOursAndImportsBackTheSame() throws Exception {
        for (boolean countedCeil : new boolean[] {true, false}) {
            checkExportAndImport(PaddingDilationNet.build(5, countedCeil), countedCeil);
        }
    }

    private void checkExportAndImport(Model model, boolean countedCeil) throws Exception {
        Shape input = model.inputShape();
        int n = 4;
        float[] pixels = TestModels.pixels(n, input, 8);
        float[][] ours = logits(model, pixels, n);
        byte[] file = OnnxExport.toProto(model).toByteArray();
        Map<String, float[][]> theirs = OrtRunner.run(file, "image", pixels, TestModels.dims(n, input));
        double d = Agreement.assertClose(ours, theirs.get("logits"), "padding and dilation net");
        System.out.printf("onnx export of dilation, same padding, pad2d, ceil and counted pooling: max relative"
                + " difference vs ONNX Runtime %.2e%n", d);

        if (countedCeil) {
            OnnxFormatException e = assertThrows(OnnxFormatException.class,
                    () -> Onnx.importModel(TinyGraphs.write(dir, file), TestModels.CPU));
            assertTrue(e.getMessage().contains("(Mul)"), e.getMessage());
            return;
        }
        Model back = Onnx.importModel(TinyGraphs.write(dir, file), TestModels.CPU);
        Agreement.assertClose(logits(back, pixels, n), ours, "padding and dilation net imported back");
        String summary = back.network().summary();
        assertTrue(summary.contains("pad2d") && summary.contains("grouped_conv2d"), summary);
    }

    @Test
    void theNodesCarryTheNewAttributes() {
        ModelProto proto = OnnxExport.toProto(PaddingDilationNet.build(5, true));
        Map<String, NodeProto> nodes = new java.util.HashMap<>();
        proto.getGraph().getNodeList().forEach(node -> nodes.put(node.getName(), node));
        assertEquals(List.of(2L, 2L), ints(nodes.get("dilated"), "dilations"));
        assertEquals(List.of(2L, 2L), ints(nodes.get("grouped"), "dilations"));
        // 15x13, kernel 4, stride 2: "same" pads 3 rows (1 above, 2 below) and 3 columns (1 left, 2 right)
        assertEquals(List.of(1L, 1L, 2L, 2L), ints(nodes.get("same"), "pads"));
        assertEquals("Pad", nodes.get("pad").getOpType());
        assertEquals(1L, integer(nodes.get("ceil_max"), "ceil_mode"));
        // its last window reaches past the padding: a pooling counting no padding, rescaled
        assertEquals(0L, integer(nodes.get("ceil_avg_inside"), "count_include_pad"));
        assertEquals("Mul", nodes.get("ceil_avg").getOpType());
        assertEquals(1L, integer(nodes.get("counted_avg"), "count_include_pad"));
        assertEquals(0L, integer(nodes.get("counted_avg"), "ceil_mode"));
    }

    private static List<Long> ints(NodeProto node, String name) {
        return attribute(node, name).getIntsList();
    }

    private static long integer(NodeProto node, String name) {
        return attribute(node, name).getI();
    }

    private static AttributeProto attribute(NodeProto node, String name) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow();
    }

    /** What the exported file's output holds: the class head's probabilities, as {@code predict} shows them. */
    private static float[][] logits(Model model, float[] pixels, int n) {
        return model.predict(pixels, n).get("logits");
    }
}
