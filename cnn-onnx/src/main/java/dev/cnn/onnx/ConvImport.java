package dev.cnn.onnx;

import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layers.AvgPool2D;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.DepthwiseConv2D;
import dev.cnn.api.layers.GlobalAvgPool2D;
import dev.cnn.api.layers.GlobalMaxPool2D;
import dev.cnn.api.layers.GroupedConv2D;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.tensor.Shape;
import dev.cnn.onnx.ImportValue.Computed;
import dev.cnn.onnx.proto.OnnxProto.NodeProto;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Conv}, {@code MaxPool}, {@code AveragePool}, {@code GlobalAveragePool} and {@code GlobalMaxPool} as our
 * layers: a convolution with
 * {@code group = 1} as conv2d, with {@code group = C} and one input channel per filter as depthwise_conv2d (the only
 * one of ours with dilation), any other group count as grouped_conv2d. Padding must be the same on both sides of an
 * axis (explicitly, or by {@code auto_pad} where that comes out even); pooling rounds down, and an average counts no
 * padding: {@code ceil_mode} and {@code count_include_pad} are read only where they change nothing.
 */
final class ConvImport {
    private ConvImport() {
    }

    static Computed conv(ImportGraph g, NodeProto n) throws OnnxFormatException {
        NodeAttributes a = NodeAttributes.of(n, "kernel_shape", "strides", "pads", "dilations", "group", "auto_pad");
        Computed x = image(g, n);
        OnnxTensors.Data w = g.constant(n.getInput(1), n, "filter");
        if (w.dims().length != 4 || w.floats() == null) {
            throw a.refuse("has a filter of shape " + java.util.Arrays.toString(w.dims()) + "; import reads float 2-d"
                    + " filters [F, C / group, kH, kW]");
        }
        int filters = (int) w.dims()[0];
        int kh = (int) w.dims()[2];
        int kw = (int) w.dims()[3];
        long[] kernel = a.ints("kernel_shape", 2);
        if (kernel != null && (kernel[0] != kh || kernel[1] != kw)) {
            throw a.refuse("says kernel_shape " + java.util.Arrays.toString(kernel) + " but its filter is " + kh + "x" + kw);
        }
        int channels = x.shape().dim(0);
        long groups = a.integer("group", 1);
        if (groups < 1 || channels % groups != 0 || filters % groups != 0 || w.dims()[1] * groups != channels) {
            throw a.refuse("has group " + groups + " with " + channels + " input channels and a filter "
                    + java.util.Arrays.toString(w.dims()) + "; the channels and filters must divide into the groups");
        }
        int[] s = pair(a, "strides", 1);
        int[] d = pair(a, "dilations", 1);
        int[] p = pads(a, x.shape(), new int[] {kh, kw}, s, d);
        Map<String, float[]> params = new LinkedHashMap<>();
        params.put("weight", w.floats());
        boolean bias = n.getInputCount() > 2 && !n.getInput(2).isEmpty();
        if (bias) {
            params.put("bias", g.floats(n.getInput(2), n, "bias", filters));
        }
        LayerConfig layer;
        try {
            layer = convLayer(a, channels, groups, filters, kh, kw, s, p, d, bias);
        } catch (IllegalArgumentException e) {
            throw a.refuse(OnnxFile.oneLine(e.getMessage()));
        }
        return g.add(ImportOps.wish(n), layer, List.of(x), params, null, n);
    }

    private static LayerConfig convLayer(NodeAttributes a, int channels, long groups, int filters, int kh, int kw,
                                         int[] s, int[] p, int[] d, boolean bias) throws OnnxFormatException {
        LayerConfig layer;
        if (groups == channels && groups > 1) {
            layer = new DepthwiseConv2D(kh, kw, filters / channels, s[0], s[1], p[0], p[1], d[0], d[1], bias, null);
        } else {
            if (d[0] != 1 || d[1] != 1) {
                throw a.refuse("has dilations " + d[0] + "x" + d[1] + " with group " + groups + "; our layers dilate"
                        + " depthwise convolutions only (group = input channels, one channel per filter); supported:"
                        + " dilations 1 otherwise");
            }
            layer = groups == 1 ? new Conv2D(filters, kh, kw, s[0], s[1], p[0], p[1], bias, null)
                    : new GroupedConv2D(filters, (int) groups, kh, kw, s[0], s[1], p[0], p[1], bias, null);
        }
        return layer;
    }

    static Computed pool(ImportGraph g, NodeProto n, boolean max) throws OnnxFormatException {
        NodeAttributes a = max ? NodeAttributes.of(n, "kernel_shape", "strides", "pads", "dilations", "ceil_mode",
                "auto_pad", "storage_order")
                : NodeAttributes.of(n, "kernel_shape", "strides", "pads", "ceil_mode", "auto_pad", "count_include_pad");
        if (n.getOutputCount() > 1 && !n.getOutput(1).isEmpty()) {
            throw a.refuse("has a second output (the indices of the maxima); import reads the pooled values only");
        }
        Computed x = image(g, n);
        long[] kernel = a.ints("kernel_shape", 2);
        if (kernel == null) {
            throw a.refuse("has no kernel_shape; ONNX requires one");
        }
        int[] k = {(int) kernel[0], (int) kernel[1]};
        int[] s = pair(a, "strides", 1);
        int[] d = pair(a, "dilations", 1);
        if (d[0] != 1 || d[1] != 1) {
            throw a.refuse("has dilations " + d[0] + "x" + d[1] + "; our pooling takes dilations 1 only");
        }
        if (a.integer("storage_order", 0) != 0) {
            throw a.refuse("has storage_order 1; supported: 0 (row-major)");
        }
        int[] p = pads(a, x.shape(), k, s, d);
        if (a.integer("ceil_mode", 0) != 0) {
            for (int axis = 0; axis < 2; axis++) {
                int size = x.shape().dim(axis + 1);
                if (ceilOutput(size, k[axis], s[axis], p[axis]) != Math.floorDiv(size + 2 * p[axis] - k[axis], s[axis]) + 1) {
                    throw a.refuse("has ceil_mode 1, which on input " + x.shape() + " gives a larger output than"
                            + " rounding down; our pooling rounds down (supported: ceil_mode 0, or 1 where both agree)");
                }
            }
        }
        if (!max && a.integer("count_include_pad", 0) != 0 && (p[0] > 0 || p[1] > 0)) {
            throw a.refuse("has count_include_pad 1 with padding " + p[0] + "x" + p[1] + "; our average pooling counts"
                    + " only the input cells (supported: count_include_pad 0, or no padding)");
        }
        LayerConfig layer;
        try {
            layer = max ? new MaxPool2D(k[0], k[1], s[0], s[1], p[0], p[1]) : new AvgPool2D(k[0], k[1], s[0], s[1], p[0], p[1]);
        } catch (IllegalArgumentException e) {
            throw a.refuse(OnnxFile.oneLine(e.getMessage()));
        }
        return g.add(ImportOps.wish(n), layer, List.of(x), Map.of(), null, n);
    }

    static Computed global(ImportGraph g, NodeProto n, boolean max) throws OnnxFormatException {
        NodeAttributes.of(n);
        Computed x = image(g, n);
        return g.add(ImportOps.wish(n), max ? new GlobalMaxPool2D() : new GlobalAvgPool2D(), List.of(x), Map.of(),
                Shape.of(x.shape().dim(0), 1, 1), n);
    }

    /** ONNX's output size with ceil_mode 1: rounded up, less a last window that would start in the right padding. */
    private static long ceilOutput(int size, int k, int s, int p) {
        long out = Math.floorDiv(size + 2L * p - k + s - 1, s) + 1;
        if ((out - 1) * s >= size + p) {
            out--;
        }
        return out;
    }

    private static Computed image(ImportGraph g, NodeProto n) throws OnnxFormatException {
        Computed x = g.computed(n.getInput(0), n);
        if (x.shape().rank() != 3 || x.pooledFlat()) {
            throw NodeAttributes.refuse(n, "reads a value of shape [N, " + x.onnxShape() + "]; import reads 2-d images"
                    + " [N, C, H, W] there");
        }
        return x;
    }

    private static int[] pair(NodeAttributes a, String name, int fallback) throws OnnxFormatException {
        long[] v = a.ints(name, 2);
        if (v == null) {
            return new int[] {fallback, fallback};
        }
        if (v[0] < 1 || v[1] < 1 || v[0] > Integer.MAX_VALUE || v[1] > Integer.MAX_VALUE) {
            throw a.refuse("has " + name + " " + java.util.Arrays.toString(v) + "; they must be positive");
        }
        return new int[] {(int) v[0], (int) v[1]};
    }

    /** Padding per axis, the same before and after: explicit {@code pads}, or what {@code auto_pad} makes. */
    private static int[] pads(NodeAttributes a, Shape x, int[] k, int[] s, int[] d) throws OnnxFormatException {
        String auto = a.text("auto_pad", "NOTSET");
        long[] pads = a.ints("pads", 4);
        switch (auto) {
            case "NOTSET" -> {
                if (pads == null) {
                    return new int[] {0, 0};
                }
                if (pads[0] != pads[2] || pads[1] != pads[3] || pads[0] < 0 || pads[1] < 0
                        || pads[0] > Integer.MAX_VALUE || pads[1] > Integer.MAX_VALUE) {
                    throw a.refuse("has pads " + java.util.Arrays.toString(pads) + " [top, left, bottom, right]; our"
                            + " layers pad both sides of an axis alike (supported: top = bottom, left = right, >= 0)");
                }
                return new int[] {(int) pads[0], (int) pads[1]};
            }
            case "VALID" -> {
                return new int[] {0, 0};
            }
            case "SAME_UPPER", "SAME_LOWER" -> {
                int[] out = new int[2];
                for (int axis = 0; axis < 2; axis++) {
                    long size = x.dim(axis + 1);
                    long total = Math.max(0, (Math.floorDiv(size + s[axis] - 1, s[axis]) - 1) * s[axis]
                            + (long) (k[axis] - 1) * d[axis] + 1 - size);
                    if (total % 2 != 0) {
                        throw a.refuse("has auto_pad " + auto + ", which here pads one side of an axis more than the"
                                + " other; our layers pad both sides alike (supported: where the padding comes out even)");
                    }
                    out[axis] = (int) (total / 2);
                }
                return out;
            }
            default -> throw a.refuse("has auto_pad '" + auto + "'; supported: NOTSET, VALID, SAME_UPPER, SAME_LOWER");
        }
    }
}
