package dev.cnn.onnx;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.LayerCost;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.ModelLimits;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.GraphConfig;
import dev.cnn.api.network.GraphInput;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.network.NodeConfig;
import dev.cnn.api.tensor.Shape;
import dev.cnn.onnx.ImportValue.Computed;
import dev.cnn.onnx.ImportValue.Constant;
import dev.cnn.onnx.proto.OnnxProto.GraphProto;
import dev.cnn.onnx.proto.OnnxProto.ModelProto;
import dev.cnn.onnx.proto.OnnxProto.NodeProto;
import dev.cnn.onnx.proto.OnnxProto.StringStringEntryProto;
import dev.cnn.onnx.proto.OnnxProto.TensorProto;
import dev.cnn.onnx.proto.OnnxProto.TensorShapeProto;
import dev.cnn.onnx.proto.OnnxProto.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ONNX model (IR version 6, what PyTorch writes for opset 11, or later, opsets {@value OnnxFile#MIN_OPSET} to {@value OnnxFile#MAX_OPSET}) as a
 * {@link Model}: one float input of images {@code [N, C, H, W]} (or features {@code [N, F]}), the operators of
 * {@link ImportOps#SUPPORTED} as our layers, the outputs as heads ({@link HeadImport}), a leading {@code Sub}/{@code Div}
 * as the normalisation. Whatever our layers cannot express exactly is refused with the operator, the node's name and
 * what is supported; hostile files are refused before anything large is allocated ({@link OnnxFile},
 * {@link OnnxTensors}, {@link GraphOrder}, and the {@link ModelLimits} on the network made).
 */
public final class OnnxImport {
    /** The operators import reads, for a user to read. */
    public static final String OPERATORS = ImportOps.SUPPORTED;

    /** The largest height, width or channel count of the input read. */
    static final int MAX_INPUT_DIM = 1 << 16;

    private OnnxImport() {
    }

    /** Reads {@code file} onto {@code backend} within the default limits. */
    public static Model read(Path file, Backend backend) throws IOException {
        return read(file, backend, ModelLimits.DEFAULT);
    }

    /**
     * Reads {@code file} onto {@code backend}.
     *
     * @throws OnnxFormatException when the file is damaged, beyond {@code limits}, or uses what import does not read
     */
    public static Model read(Path file, Backend backend, ModelLimits limits) throws IOException {
        OnnxFile.Parsed parsed = OnnxFile.read(file, limits);
        try {
            return build(parsed.model(), parsed.opset(), backend, limits);
        } catch (OnnxFormatException e) {
            throw new OnnxFormatException(file + ": " + e.getMessage(), e);
        }
    }

    private static Model build(ModelProto model, int opset, Backend backend, ModelLimits limits)
            throws OnnxFormatException {
        GraphProto graph = model.getGraph();
        if (graph.getNodeCount() > limits.maxNodes()) {
            throw new OnnxFormatException("the graph has " + graph.getNodeCount() + " nodes, more than the "
                    + limits.maxNodes() + " allowed (ModelLimits.maxNodes)");
        }
        Set<String> initializers = new HashSet<>();
        graph.getInitializerList().forEach(t -> initializers.add(t.getName()));
        List<ValueInfoProto> inputs = graph.getInputList().stream().filter(v -> !initializers.contains(v.getName())).toList();
        if (inputs.size() != 1) {
            throw new OnnxFormatException("the graph has " + inputs.size() + " inputs " + inputs.stream()
                    .map(ValueInfoProto::getName).toList() + "; import reads models of one input, the images");
        }
        ValueInfoProto input = inputs.get(0);
        long[] batch = new long[1];
        Shape inputShape = inputShape(input, batch, limits);
        ImportGraph g = new ImportGraph(opset, limits, input.getName(), inputShape, batch[0]);
        List<String> outputs = graph.getOutputList().stream().map(ValueInfoProto::getName).toList();
        if (outputs.isEmpty()) {
            throw new OnnxFormatException("the graph has no outputs");
        }
        List<String> headNames = new ArrayList<>();
        outputs.forEach(o -> headNames.add(g.name(o)));
        g.define(input.getName(), g.input);
        for (TensorProto t : graph.getInitializerList()) {
            OnnxTensors.Data data = OnnxTensors.read(t, "initializer '" + t.getName() + "'", g.constantBudget());
            g.spend(data.size());
            g.define(t.getName(), new Constant(data));
        }
        Set<String> given = new HashSet<>(initializers);
        given.add(input.getName());
        Set<String> read = new HashSet<>();
        graph.getNodeList().forEach(n -> read.addAll(n.getInputList()));
        Map<String, String> activations = new HashMap<>();
        for (NodeProto n : GraphOrder.of(graph, given)) {
            String op = n.getOpType();
            boolean finalActivation = (op.equals("Softmax") || op.equals("Sigmoid")) && n.getOutputCount() == 1
                    && outputs.contains(n.getOutput(0)) && !read.contains(n.getOutput(0));
            ImportOps.translate(g, n);
            if (finalActivation && g.value(n.getOutput(0)) instanceof Computed c) {
                activations.put(n.getOutput(0), op);
                g.define(n.getOutput(0), g.computed(n.getInput(0), n));
                g.drafts.removeIf(d -> d.name.equals(c.node()));
            }
        }
        Map<String, String> meta = new HashMap<>();
        for (StringStringEntryProto e : model.getMetadataPropsList()) {
            meta.put(e.getKey(), e.getValue());
        }
        List<Head> heads = HeadImport.heads(g, outputs, headNames, activations, meta);
        return model(g, heads, normalization(g), backend, limits);
    }

    private static Model model(ImportGraph g, List<Head> heads, Normalization normalization, Backend backend,
                               ModelLimits limits) throws OnnxFormatException {
        List<NodeConfig> nodes = g.drafts.stream()
                .map(d -> new NodeConfig(d.name, d.layer, List.copyOf(d.inputs), null)).toList();
        GraphConfig config;
        LayerCost cost;
        try {
            config = new GraphConfig(List.of(new GraphInput(g.input.node(), g.input.shape())), nodes,
                    heads.stream().map(Head::name).toList());
            cost = config.cost();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new OnnxFormatException("the imported graph is not a network we can build: "
                    + OnnxFile.oneLine(e.getMessage()));
        }
        if (cost.multiplyAdds() > limits.maxMultiplyAddsPerImage() || cost.kernelCalls() > limits.maxKernelCallsPerPass()) {
            throw new OnnxFormatException("the graph takes " + cost.multiplyAdds() + " multiply-adds per image and "
                    + cost.kernelCalls() + " kernel calls per pass, more than the model limits allow ("
                    + limits.maxMultiplyAddsPerImage() + " and " + limits.maxKernelCallsPerPass() + ")");
        }
        GraphNetwork network = GraphNetwork.of(config, backend, 1);
        Map<String, Parameter> parameters = network.parameters();
        for (ImportGraph.Draft d : g.drafts) {
            for (Map.Entry<String, float[]> p : d.parameters.entrySet()) {
                Parameter target = parameters.get(d.name + "." + p.getKey());
                target.setValue(backend.tensor(p.getValue(), target.shape()));
            }
        }
        try {
            return new Model(network, heads, normalization);
        } catch (IllegalArgumentException e) {
            throw new OnnxFormatException(OnnxFile.oneLine(e.getMessage()));
        }
    }

    private static Normalization normalization(ImportGraph g) throws OnnxFormatException {
        ImportValue.Normalized n = g.normalization();
        if (n == null) {
            return Normalization.identity();
        }
        float[] mean = n.mean() == null ? new float[] {0} : n.mean();
        float[] std = n.std() == null ? new float[] {1} : n.std();
        int channels = Math.max(mean.length, std.length);
        double[] m = new double[channels];
        double[] s = new double[channels];
        for (int c = 0; c < channels; c++) {
            m[c] = shortest(mean[mean.length == 1 ? 0 : c]);
            s[c] = shortest(std[std.length == 1 ? 0 : c]);
        }
        try {
            return new Normalization(m, s);
        } catch (IllegalArgumentException e) {
            throw new OnnxFormatException("the leading Sub/Div is no normalisation we can keep: "
                    + OnnxFile.oneLine(e.getMessage()));
        }
    }

    /** The shortest decimal that is {@code f} as a float: 0.1307f gives 0.1307, as the model that was exported had it. */
    private static double shortest(float f) {
        return Double.parseDouble(Float.toString(f));
    }

    /** Our per-image shape of the input {@code [N, C, H, W]} or {@code [N, F]}; {@code batch[0]} the fixed N or -1. */
    private static Shape inputShape(ValueInfoProto input, long[] batch, ModelLimits limits) throws OnnxFormatException {
        String name = "the input '" + input.getName() + "'";
        if (!input.getType().hasTensorType() || input.getType().getTensorType().getElemType() != TensorProto.DataType.FLOAT_VALUE) {
            throw new OnnxFormatException(name + " is not a float tensor; import reads float32 images");
        }
        TensorShapeProto shape = input.getType().getTensorType().getShape();
        int rank = shape.getDimCount();
        if (rank != 4 && rank != 2) {
            throw new OnnxFormatException(name + " has " + rank + " dimensions; import reads images [N, C, H, W] or"
                    + " features [N, F]");
        }
        TensorShapeProto.Dimension first = shape.getDim(0);
        batch[0] = first.hasDimValue() ? first.getDimValue() : -1;
        int[] dims = new int[rank - 1];
        long size = 1;
        for (int i = 1; i < rank; i++) {
            TensorShapeProto.Dimension d = shape.getDim(i);
            if (!d.hasDimValue() || d.getDimValue() < 1 || d.getDimValue() > MAX_INPUT_DIM) {
                throw new OnnxFormatException(name + " has dimension " + i + " " + (d.hasDimValue() ? d.getDimValue()
                        : "'" + d.getDimParam() + "'") + "; import needs fixed sizes from 1 to " + MAX_INPUT_DIM
                        + " for everything but the batch");
            }
            dims[i - 1] = (int) d.getDimValue();
            size *= dims[i - 1];
        }
        if (size > limits.maxActivationsPerImage()) {
            throw new OnnxFormatException(name + " has " + size + " values per image, more than the "
                    + limits.maxActivationsPerImage() + " allowed (ModelLimits.maxActivationsPerImage)");
        }
        return Shape.of(dims);
    }
}
