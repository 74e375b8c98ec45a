package dev.cnn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.layers.ChannelScale;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.tensor.Shape;
import dev.cnn.onnx.proto.OnnxProto.ModelProto;
import dev.cnn.onnx.proto.OnnxProto.NodeProto;
import dev.cnn.onnx.proto.OnnxProto.StringStringEntryProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every built-in layer type exports and runs in ONNX Runtime as ours; the file is what the issue asks for. */
class OnnxExportLayersTest {

    @Test
    void aGraphOfEveryLayerTypeGivesOurOutputsInOnnxRuntime() throws Exception {
        Model model = EveryLayerNet.build(3);
        Shape input = model.inputShape();
        int n = 5;
        float[] pixels = TestModels.pixels(n, input, 21);
        Map<String, float[][]> ours = model.predict(pixels, n);
        Map<String, float[][]> theirs = OrtRunner.run(OnnxExport.toProto(model).toByteArray(), "image", pixels,
                TestModels.dims(n, input));
        assertEquals(List.of("classes", "tags", "mix"), List.copyOf(theirs.keySet()));
        for (String head : ours.keySet()) {
            double d = Agreement.assertClose(ours.get(head), theirs.get(head), "every-layer head " + head);
            System.out.printf("onnx export every-layer head %s: max relative difference vs ONNX Runtime %.2e%n", head, d);
        }
        assertTrue(Agreement.maxRelative(new float[][] {ours.get("classes")[0]}, new float[][] {ours.get("classes")[1]},
                "two images") > 1e-4, "the outputs depend on the image");
    }

    @Test
    void theFileHasOneSymbolicBatchInputNormalisationFirstNoDropoutAndTheNames() {
        ModelProto proto = OnnxExport.toProto(EveryLayerNet.build(3));
        assertTrue(proto.getOpsetImport(0).getVersion() >= 13);
        assertEquals(1, proto.getGraph().getInputCount());
        assertEquals("image", proto.getGraph().getInput(0).getName());
        assertEquals("N", proto.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0).getDimParam());
        List<String> ops = proto.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
        assertEquals(List.of("Sub", "Div"), ops.subList(0, 2));
        assertFalse(ops.contains("Dropout"));
        assertTrue(ops.containsAll(List.of("Conv", "BatchNormalization", "Relu", "LeakyRelu", "Sum", "Concat",
                "MaxPool", "AveragePool", "Tanh", "Sigmoid", "Flatten", "Gemm", "GlobalAveragePool", "GlobalMaxPool", "Softmax")),
                ops.toString());
        Map<String, String> meta = proto.getMetadataPropsList().stream()
                .collect(Collectors.toMap(StringStringEntryProto::getKey, StringStringEntryProto::getValue));
        assertEquals("[\"a\",\"b\",\"c\",\"d\",\"e\"]", meta.get("classes"));
        assertEquals("[\"x\",\"y\",\"z\"]", meta.get("tags"));
        assertEquals("[0.4,0.4,0.4]", meta.get("head.tags.thresholds"));
        long sharedFilters = proto.getGraph().getInitializerList().stream()
                .filter(t -> t.getName().startsWith("grouped.weight")).count();
        assertEquals(1, sharedFilters, "a shared layer's weights are written once");
    }

    @Test
    void aThirdPartyLayerIsNamedInAOneLineError(@TempDir Path dir) {
        GraphNetwork network = new GraphBuilder().addInput("pixels", 1, 4, 4)
                .add("scale", new ChannelScale(2), "pixels").add("flat", new Flatten(), "scale")
                .add("out", Dense.of(2), "flat").setOutputs("out").build(TestModels.CPU);
        Model model = new Model(network, Loss.SOFTMAX_CROSS_ENTROPY, List.of("a", "b"), Normalization.identity());
        Path file = dir.resolve("m.onnx");
        OnnxExportException e = assertThrows(OnnxExportException.class, () -> Onnx.export(model, file));
        assertTrue(e.getMessage().contains("'scale'") && e.getMessage().contains("example_channel_scale")
                && !e.getMessage().contains("\n"), e.getMessage());
        assertFalse(Files.exists(file), "nothing is written");
    }

    @Test
    void exportWritesAFileThatOnnxRuntimeLoads(@TempDir Path dir) throws Exception {
        Model model = EveryLayerNet.build(4);
        Path file = dir.resolve("sub/model.onnx");
        Onnx.export(model, file);
        float[] pixels = TestModels.pixels(2, model.inputShape(), 1);
        Map<String, float[][]> theirs = OrtRunner.run(Files.readAllBytes(file), "image", pixels,
                TestModels.dims(2, model.inputShape()));
        Agreement.assertClose(model.predict(pixels, 2).get("tags"), theirs.get("tags"), "tags from the file");
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left");
        }
    }
}
