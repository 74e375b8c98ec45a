package dev.cnn.onnx;

import static dev.cnn.onnx.OnnxGraphWriter.integer;
import static dev.cnn.onnx.OnnxGraphWriter.ints;
import static dev.cnn.onnx.OnnxGraphWriter.real;
import static dev.cnn.onnx.OnnxGraphWriter.text;

import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerTypes;
import dev.cnn.api.layers.Add;
import dev.cnn.api.layers.AvgPool2D;
import dev.cnn.api.layers.BatchNorm;
import dev.cnn.api.layers.Concatenate;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Dropout;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.GlobalAvgPool2D;
import dev.cnn.api.layers.GlobalMaxPool2D;
import dev.cnn.api.layers.LeakyReLU;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.Pad2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.layers.Sigmoid;
import dev.cnn.api.layers.Softmax;
import dev.cnn.api.layers.Tanh;
import dev.cnn.api.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of our network as ONNX nodes, in inference form: batch norm with its running statistics, dropout gone.
 * Values are batched ({@code [N, C, H, W]} or {@code [N, F]}); the convolutions are in {@link ConvExport}.
 */
final class LayerExport {
    /** The layer types that export, for the error about one that does not. */
    static final String SUPPORTED = "conv2d, grouped_conv2d, depthwise_conv2d, separable_conv2d, dense, max_pool2d,"
            + " avg_pool2d, global_avg_pool2d, global_max_pool2d, flatten, dropout, batch_norm, relu, leaky_relu, sigmoid, tanh, softmax,"
            + " add, concatenate, pad2d";

    private LayerExport() {
    }

    /**
     * Writes the node {@code node} (whose parameters belong to {@code owner}: itself, or the node whose layer it shares)
     * and returns the name of the value it produces.
     *
     * @throws OnnxExportException when the layer has no ONNX form
     */
    static String export(OnnxGraphWriter g, ExportWeights w, String node, String owner, LayerConfig layer,
                         List<String> in, List<Shape> shapes) {
        String conv = ConvExport.export(g, w, node, owner, layer, in.isEmpty() ? null : in.get(0),
                shapes.isEmpty() ? null : shapes.get(0));
        if (conv != null) {
            return conv;
        }
        String x = in.get(0);
        if (layer instanceof Dense) {
            List<String> inputs = new ArrayList<>(List.of(x, w.get(owner, "weight")));
            if (w.has(owner, "bias")) {
                inputs.add(w.get(owner, "bias"));
            }
            return g.node("Gemm", node, inputs);
        }
        if (layer instanceof MaxPool2D p) {
            return g.node("MaxPool", node, List.of(x), ints("kernel_shape", p.poolHeight(), p.poolWidth()),
                    ints("strides", p.strideHeight(), p.strideWidth()),
                    ints("pads", p.paddingHeight(), p.paddingWidth(), p.paddingHeight(), p.paddingWidth()),
                    integer("ceil_mode", p.ceilMode() ? 1 : 0));
        }
        if (layer instanceof AvgPool2D p && AveragePoolExport.reachesPastThePadding(p, shapes.get(0))) {
            return AveragePoolExport.rescaled(g, node, x, p, shapes.get(0));
        }
        if (layer instanceof AvgPool2D p) {
            return g.node("AveragePool", node, List.of(x), ints("kernel_shape", p.poolHeight(), p.poolWidth()),
                    ints("strides", p.strideHeight(), p.strideWidth()),
                    ints("pads", p.paddingHeight(), p.paddingWidth(), p.paddingHeight(), p.paddingWidth()),
                    integer("ceil_mode", p.ceilMode() ? 1 : 0), integer("count_include_pad", p.countIncludePad() ? 1 : 0));
        }
        if (layer instanceof Pad2D p) {
            String pads = g.int64Initializer(node + "_pads", new long[] {8},
                    new long[] {0, 0, p.top(), p.left(), 0, 0, p.bottom(), p.right()});
            String value = g.initializer(node + "_value", new long[0], new float[] {p.value()});
            return g.node("Pad", node, List.of(x, pads, value), text("mode", "constant"));
        }
        if (layer instanceof GlobalAvgPool2D) {
            String pooled = g.node("GlobalAveragePool", node + "_pool", List.of(x));
            return g.node("Flatten", node, List.of(pooled), integer("axis", 1));
        }
        if (layer instanceof GlobalMaxPool2D) {
            String pooled = g.node("GlobalMaxPool", node + "_pool", List.of(x));
            return g.node("Flatten", node, List.of(pooled), integer("axis", 1));
        }
        if (layer instanceof Flatten) {
            return g.node("Flatten", node, List.of(x), integer("axis", 1));
        }
        if (layer instanceof Dropout) {
            return x;
        }
        if (layer instanceof BatchNorm bn) {
            return g.node("BatchNormalization", node, List.of(x, w.get(owner, "gamma"), w.get(owner, "beta"),
                    w.get(owner, "running_mean"), w.get(owner, "running_variance")), real("epsilon", (float) bn.epsilon()));
        }
        if (layer instanceof ReLU) {
            return g.node("Relu", node, List.of(x));
        }
        if (layer instanceof LeakyReLU l) {
            return g.node("LeakyRelu", node, List.of(x), real("alpha", (float) l.alpha()));
        }
        if (layer instanceof Sigmoid) {
            return g.node("Sigmoid", node, List.of(x));
        }
        if (layer instanceof Tanh) {
            return g.node("Tanh", node, List.of(x));
        }
        if (layer instanceof Softmax) {
            return g.node("Softmax", node, List.of(x), integer("axis", 1));
        }
        if (layer instanceof Add) {
            return g.node(in.size() == 2 ? "Add" : "Sum", node, in);
        }
        if (layer instanceof Concatenate) {
            return g.node("Concat", node, in, integer("axis", 1));
        }
        throw new OnnxExportException("node '" + node + "' has the layer type '" + LayerTypes.idOf(layer)
                + "', which has no ONNX form; the layers that export are " + SUPPORTED);
    }
}
