package dev.cnn.onnx;

import static dev.cnn.onnx.OnnxGraphWriter.integer;

import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.GraphConfig;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.network.NodeConfig;
import dev.cnn.api.tensor.Shape;
import dev.cnn.onnx.proto.OnnxProto.GraphProto;
import dev.cnn.onnx.proto.OnnxProto.ModelProto;
import dev.cnn.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.cnn.onnx.proto.OnnxProto.TensorProto;
import dev.cnn.onnx.proto.OnnxProto.TensorShapeProto;
import dev.cnn.onnx.proto.OnnxProto.TypeProto;
import dev.cnn.onnx.proto.OnnxProto.ValueInfoProto;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Model} as a standard ONNX model (opset {@value #OPSET}, one graph): the weights as initializers, one input
 * {@value #INPUT} of float32 pixels in [0, 1] with a symbolic batch dimension {@value #BATCH}, the model's normalisation
 * as a leading {@code Sub}/{@code Div}, and one output per head, named as the head and holding what
 * {@link Model#predict} gives (softmax probabilities for a class head, a sigmoid per tag, the values of a value head).
 * Class and tag names are in the metadata ({@link OnnxMetadata}).
 */
public final class OnnxExport {
    /** The operator set the files use. */
    public static final int OPSET = 13;
    /** The IR version of the files: that of ONNX 1.12, whose schema the classes come from. */
    public static final int IR_VERSION = 8;
    /** The name of the graph's one input. */
    public static final String INPUT = "image";
    /** The symbolic batch dimension of the input and outputs. */
    public static final String BATCH = "N";

    private OnnxExport() {
    }

    /**
     * The ONNX form of {@code model}.
     *
     * @throws OnnxExportException when a layer has no ONNX form (the message names its node) or a head's output does
     *                             not fit its loss
     */
    public static ModelProto toProto(Model model) {
        GraphNetwork network = model.network();
        GraphConfig config = network.graph();
        GraphProto.Builder graph = GraphProto.newBuilder().setName("cnn");
        OnnxGraphWriter g = new OnnxGraphWriter(graph);
        g.reserve(INPUT);
        model.heads().forEach(h -> g.reserve(h.name()));
        ExportWeights weights = new ExportWeights(g, network.parameters());

        Shape inputShape = model.inputShape();
        graph.addInput(valueInfo(INPUT, inputShape));
        Map<String, String> values = new HashMap<>();
        values.put(network.inputNames().get(0), normalize(g, model.preprocessing(), inputShape));
        Map<String, Shape> shapes = config.shapes();
        for (String name : config.order()) {
            NodeConfig node = config.node(name);
            LayerConfig layer = config.layerOf(name);
            String owner = node.shares() != null ? node.shares() : name;
            List<String> in = node.inputs().stream().map(values::get).toList();
            List<Shape> inShapes = node.inputs().stream().map(shapes::get).toList();
            values.put(name, LayerExport.export(g, weights, name, owner, layer, in, inShapes));
        }
        for (Head head : model.heads()) {
            graph.addOutput(valueInfo(head.name(), network.outputShape(head.name())));
            readable(g, head, values.get(head.name()), network.outputShape(head.name()));
        }
        return ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("cnn").setProducerVersion("0.1.0")
                .setDocString("exported by cnn: pixels in [0, 1] in, " + model.heads().size() + " head(s) out")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .addAllMetadataProps(OnnxMetadata.of(model)).setGraph(graph).build();
    }

    /** The leading {@code (x - mean) / std}, per channel as a {@code [1, C, 1, 1]} constant, or one number. */
    private static String normalize(OnnxGraphWriter g, Normalization n, Shape input) {
        double[] mean = n.mean();
        double[] std = n.std();
        float[] m = new float[mean.length];
        float[] s = new float[std.length];
        for (int c = 0; c < m.length; c++) {
            m[c] = (float) mean[c];
            s[c] = (float) std[c];
        }
        long[] dims = m.length == 1 ? new long[0] : broadcastChannels(m.length, input.rank());
        String centred = g.node("Sub", "normalize_sub", List.of(INPUT, g.initializer("normalize_mean", dims, m)));
        return g.node("Div", "normalize_div", List.of(centred, g.initializer("normalize_std", dims, s)));
    }

    private static long[] broadcastChannels(int channels, int rank) {
        long[] dims = new long[rank + 1];
        java.util.Arrays.fill(dims, 1);
        dims[1] = channels;
        return dims;
    }

    /** The head's output as {@code predict} shows it, written to the value named as the head. */
    private static void readable(OnnxGraphWriter g, Head head, String scores, Shape shape) {
        String loss = head.loss().id();
        switch (loss) {
            case "softmax_cross_entropy" -> {
                if (shape.rank() != 1) {
                    throw new OnnxExportException("head '" + head.name() + "' reads softmax probabilities from an"
                            + " output of shape " + shape + "; ONNX export needs a flat [classes] output there");
                }
                g.node("Softmax", head.name(), head.name(), List.of(scores), integer("axis", 1));
            }
            case "sigmoid_binary_cross_entropy" -> g.node("Sigmoid", head.name(), head.name(), List.of(scores));
            case "mean_squared_error" -> g.node("Identity", head.name(), head.name(), List.of(scores));
            default -> throw new OnnxExportException("head '" + head.name() + "' trains with the loss '" + loss
                    + "', whose probabilities have no ONNX form; heads that export use softmax_cross_entropy,"
                    + " sigmoid_binary_cross_entropy or mean_squared_error");
        }
    }

    private static ValueInfoProto valueInfo(String name, Shape perImage) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
        for (int d : perImage.dims()) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }
}
