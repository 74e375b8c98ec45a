package dev.cnn.onnx;

import static dev.cnn.onnx.OnnxGraphWriter.ints;
import static dev.cnn.onnx.TinyGraphs.model;
import static dev.cnn.onnx.TinyGraphs.node;
import static dev.cnn.onnx.TinyGraphs.weights;
import static dev.cnn.onnx.TinyGraphs.withAttribute;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.model.ModelLimits;
import dev.cnn.onnx.proto.OnnxProto.ModelProto;
import dev.cnn.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.cnn.onnx.proto.OnnxProto.StringStringEntryProto;
import dev.cnn.onnx.proto.OnnxProto.TensorProto;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What import refuses, each in one line that says why: damaged and hostile files before anything large is made, and
 * operators or attribute values our layers cannot express, named with the node and what is supported.
 */
class OnnxImportRefusalTest {
    @TempDir
    Path dir;

    private String refusal(ModelProto.Builder model) throws Exception {
        return refusal(TinyGraphs.write(dir, model), ModelLimits.DEFAULT);
    }

    private String refusal(Path file, ModelLimits limits) {
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> OnnxImport.read(file, TestModels.CPU, limits));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private static void assertContains(String message, String... fragments) {
        for (String f : fragments) {
            assertTrue(message.contains(f), "'" + f + "' in: " + message);
        }
    }

    /** A model: x -> Flatten -> Gemm(w [72, 2]) -> y. */
    private static ModelProto.Builder valid() {
        ModelProto.Builder m = model();
        m.getGraphBuilder().addInitializer(weights("w", 72, 2))
                .addNode(node("Flatten", "flat", "f", "x")).addNode(node("Gemm", "dense", "y", "f", "w"));
        return m;
    }

    @Test
    void theValidTinyModelImports() throws Exception {
        assertTrue(OnnxImport.read(TinyGraphs.write(dir, valid()), TestModels.CPU).network().summary().contains("dense"));
    }

    @Test
    void aFileLargerThanTheLimitsAllowIsRefusedBeforeItIsRead() throws Exception {
        Path file = TinyGraphs.write(dir, new byte[10_000]);
        assertContains(refusal(file, new ModelLimits(100, 1000, 1, 1000, 1000)), "10,000 bytes", "more than the");
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        byte[] whole = valid().build().toByteArray();
        Path file = TinyGraphs.write(dir, Arrays.copyOf(whole, whole.length - 50));
        assertContains(refusal(file, ModelLimits.DEFAULT), "not a whole ONNX model");
    }

    @Test
    void externalDataIsRefusedAndNoPathIsRead() throws Exception {
        ModelProto.Builder m = valid();
        TensorProto external = weights("w", 72, 2).toBuilder().clearFloatData()
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("/etc/passwd")).build();
        m.getGraphBuilder().setInitializer(0, external);
        assertContains(refusal(m), "initializer 'w'", "external file");
    }

    @Test
    void cyclesAndDanglingNamesAreRefused() throws Exception {
        ModelProto.Builder cycle = model();
        cycle.getGraphBuilder().addNode(node("Relu", "a", "a_out", "b_out")).addNode(node("Relu", "b", "b_out", "a_out"))
                .addNode(node("Flatten", "y", "y", "a_out"));
        assertContains(refusal(cycle), "cycle");
        ModelProto.Builder dangling = model();
        dangling.getGraphBuilder().addNode(node("Relu", "r", "y", "nowhere"));
        assertContains(refusal(dangling), "node 'r' (Relu)", "'nowhere'", "dangling");
    }

    @Test
    void enormousDimensionsAreRefusedBeforeAllocation() throws Exception {
        assertContains(refusal(model(3, 1_000_000, 1_000_000)), "dimension 2 1000000");
        ModelProto.Builder huge = valid();
        huge.getGraphBuilder().setInitializer(0, TensorProto.newBuilder().setName("w")
                .setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(1L << 20).addDims(1L << 20));
        assertContains(refusal(huge), "initializer 'w'", "more values than");
        ModelProto.Builder short_ = valid();
        short_.getGraphBuilder().setInitializer(0, weights("w", 72, 2).toBuilder().setDims(0, 720).build());
        assertContains(refusal(short_), "initializer 'w'", "data elements");
    }

    @Test
    void anUnsupportedOperatorIsNamedWithItsNodeAndWhatIsSupported() throws Exception {
        ModelProto.Builder m = model();
        m.getGraphBuilder().addNode(node("Resize", "upsample", "y", "x"));
        assertContains(refusal(m), "node 'upsample' (Resize)", "it reads Conv, MaxPool");
    }

    @Test
    void attributeValuesOurLayersCannotExpressAreRefused() throws Exception {
        assertContains(refusal(conv(ints("pads", 0, -1, 1, 1))), "(Conv) has pads [0, -1, 1, 1]", "supported");
        assertContains(refusal(conv(OnnxGraphWriter.integer("foo", 1))), "attribute 'foo'", "it reads kernel_shape");
        ModelProto.Builder gemm = valid();
        gemm.getGraphBuilder().setNode(1, withAttribute(node("Gemm", "dense", "y", "f", "w"),
                OnnxGraphWriter.integer("transA", 1)));
        assertContains(refusal(gemm), "node 'dense' (Gemm) has transA 1", "supported: transA 0");
    }

    @Test
    void padsOurPadLayerCannotExpressAreRefused() throws Exception {
        assertContains(refusal(pad(new long[] {0, 0, 1, 1, 0, 0, 1, 1}, OnnxGraphWriter.text("mode", "reflect"))),
                "node 'pad' (Pad) has mode 'reflect'", "supported: mode constant");
        assertContains(refusal(pad(new long[] {0, 1, 1, 1, 0, 0, 1, 1}, null)), "padding the batch or channel axis",
                "supported");
        assertContains(refusal(pad(new long[] {0, 0, -1, 1, 0, 0, 1, 1}, null)), "(Pad) has pads", "crops");
        assertContains(refusal(pool("AveragePool", ints("pads", 0, 0, 1, 1))), "(AveragePool) has pads [0, 0, 1, 1]",
                "count_include_pad 0", "supported");
        assertContains(refusal(pool("MaxPool", ints("pads", 1, 0, 0, 0), OnnxGraphWriter.integer("ceil_mode", 1))),
                "(MaxPool) has ceil_mode 1 with pads [1, 0, 0, 0]", "supported");
    }

    /** x -> Pad(pads, mode) -> Flatten -> Gemm -> y. */
    private static ModelProto.Builder pad(long[] pads, dev.cnn.onnx.proto.OnnxProto.AttributeProto mode) {
        ModelProto.Builder m = model();
        TensorProto.Builder p = TensorProto.newBuilder().setName("pads").setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(8);
        Arrays.stream(pads).forEach(p::addInt64Data);
        var node = node("Pad", "pad", "p", "x", "pads");
        m.getGraphBuilder().addInitializer(p).addInitializer(weights("w", 128, 2))
                .addNode(mode == null ? node : withAttribute(node, mode))
                .addNode(node("Flatten", "flat", "f", "p")).addNode(node("Gemm", "dense", "y", "f", "w"));
        return m;
    }

    /** x -> op(2x2, attributes) -> Flatten -> Gemm -> y. */
    private static ModelProto.Builder pool(String op, dev.cnn.onnx.proto.OnnxProto.AttributeProto... attributes) {
        ModelProto.Builder m = model();
        var node = withAttribute(node(op, "pool", "p", "x"), ints("kernel_shape", 2, 2));
        for (var a : attributes) {
            node = withAttribute(node, a);
        }
        m.getGraphBuilder().addInitializer(weights("w", 50, 2)).addNode(node)
                .addNode(node("Flatten", "flat", "f", "p")).addNode(node("Gemm", "dense", "y", "f", "w"));
        return m;
    }

    @Test
    void opsetsAndDomainsImportDoesNotReadAreRefused() throws Exception {
        ModelProto.Builder newer = valid();
        newer.setOpsetImport(0, OperatorSetIdProto.newBuilder().setVersion(99));
        assertContains(refusal(newer), "opset 99", "opsets 11 to 17");
        ModelProto.Builder custom = valid();
        custom.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("com.example").setVersion(1));
        custom.getGraphBuilder().setNode(0, node("Flatten", "flat", "f", "x").toBuilder().setDomain("com.example").build());
        assertContains(refusal(custom), "domain 'com.example'");
    }

    /** x -> Conv(3x3, 2 filters, attribute) -> Flatten -> Gemm -> y. */
    private static ModelProto.Builder conv(dev.cnn.onnx.proto.OnnxProto.AttributeProto attribute) {
        ModelProto.Builder m = model();
        m.getGraphBuilder().addInitializer(weights("k", 2, 2, 3, 3)).addInitializer(weights("w", 32, 2))
                .addNode(withAttribute(node("Conv", "conv", "c", "x", "k"), attribute))
                .addNode(node("Flatten", "flat", "f", "c")).addNode(node("Gemm", "dense", "y", "f", "w"));
        return m;
    }
}
