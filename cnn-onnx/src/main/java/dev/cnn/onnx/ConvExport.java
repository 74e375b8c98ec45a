package dev.cnn.onnx;

import static dev.cnn.onnx.OnnxGraphWriter.integer;
import static dev.cnn.onnx.OnnxGraphWriter.ints;

import dev.cnn.api.backend.PadGeometry;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.DepthwiseConv2D;
import dev.cnn.api.layers.GroupedConv2D;
import dev.cnn.api.layers.SeparableConv2D;
import dev.cnn.api.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The convolutions as ONNX {@code Conv} nodes: a plain and a grouped convolution as they are (our filters are
 * {@code [F, C / groups, kH, kW]} as ONNX's), a depthwise one as {@code group = C} with its {@code [C, M, kH, kW]}
 * filter read as {@code [C M, 1, kH, kW]} (output channel {@code c M + m} in both), and a separable one as that
 * followed by a 1x1 convolution. Dilations go out as {@code dilations}; a "same"-padded convolution as the padding
 * it works out for its input, which ONNX's {@code pads} holds side by side.
 */
final class ConvExport {
    private ConvExport() {
    }

    /** The output of {@code layer} when it is a convolution, else null. */
    static String export(OnnxGraphWriter g, ExportWeights w, String node, String owner, LayerConfig layer, String x,
                         Shape input) {
        if (layer instanceof Conv2D c) {
            PadGeometry p = c.padding(input);
            return conv(g, node, x, w.get(owner, "weight"), bias(w, owner), 1, c.kernelHeight(), c.kernelWidth(),
                    c.strideHeight(), c.strideWidth(), new long[] {p.top(), p.left(), p.bottom(), p.right()},
                    c.dilationHeight(), c.dilationWidth());
        }
        if (layer instanceof GroupedConv2D c) {
            return conv(g, node, x, w.get(owner, "weight"), bias(w, owner), c.groups(), c.kernelHeight(),
                    c.kernelWidth(), c.strideHeight(), c.strideWidth(), c.paddingHeight(), c.paddingWidth(),
                    c.dilationHeight(), c.dilationWidth());
        }
        if (layer instanceof DepthwiseConv2D d) {
            return depthwise(g, w, node, owner, "weight", bias(w, owner), d, x);
        }
        if (layer instanceof SeparableConv2D s) {
            String middle = depthwise(g, w, node + "_depthwise", owner, "depthwise_weight", null, s.depthwise(), x);
            return conv(g, node, middle, w.get(owner, "pointwise_weight"), bias(w, owner), 1, 1, 1, 1, 1, 0, 0, 1, 1);
        }
        return null;
    }

    private static String depthwise(OnnxGraphWriter g, ExportWeights w, String node, String owner, String weight,
                                    String bias, DepthwiseConv2D d, String x) {
        int outputs = w.values(owner, weight).length / (d.kernelHeight() * d.kernelWidth());
        int channels = outputs / d.depthMultiplier();
        String filter = w.get(owner, weight, new long[] {outputs, 1, d.kernelHeight(), d.kernelWidth()});
        return conv(g, node, x, filter, bias, channels, d.kernelHeight(), d.kernelWidth(), d.strideHeight(),
                d.strideWidth(), d.paddingHeight(), d.paddingWidth(), d.dilationHeight(), d.dilationWidth());
    }

    private static String bias(ExportWeights w, String owner) {
        return w.has(owner, "bias") ? w.get(owner, "bias") : null;
    }

    private static String conv(OnnxGraphWriter g, String node, String x, String filter, String bias, int groups,
                               int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw) {
        return conv(g, node, x, filter, bias, groups, kh, kw, sh, sw, new long[] {ph, pw, ph, pw}, dh, dw);
    }

    /** A {@code Conv} node; {@code pads} are ONNX's {@code [top, left, bottom, right]}. */
    private static String conv(OnnxGraphWriter g, String node, String x, String filter, String bias, int groups,
                               int kh, int kw, int sh, int sw, long[] pads, int dh, int dw) {
        List<String> inputs = new ArrayList<>(List.of(x, filter));
        if (bias != null) {
            inputs.add(bias);
        }
        return g.node("Conv", node, inputs, ints("kernel_shape", kh, kw), ints("strides", sh, sw),
                ints("pads", pads), ints("dilations", dh, dw), integer("group", groups));
    }
}
