package dev.cnn.onnx;

import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layers.AvgPool2D;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.DepthwiseConv2D;
import dev.cnn.api.layers.GlobalAvgPool2D;
import dev.cnn.api.layers.GlobalMaxPool2D;
import dev.cnn.api.layers.GroupedConv2D;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.Pad2D;
import dev.cnn.api.tensor.Shape;
import dev.cnn.onnx.ImportValue.Computed;
import dev.cnn.onnx.proto.OnnxProto.NodeProto;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Conv}, {@code MaxPool}, {@code AveragePool}, {@code GlobalAveragePool} and {@code GlobalMaxPool} as our
 * layers: a convolution with {@code group = 1} as conv2d, with {@code group = C} and one input channel per filter as
 * depthwise_conv2d, any other group count as grouped_conv2d, each with its dilations. Padding that is not the same on
 * both sides of an axis (explicit {@code pads}, or {@code auto_pad} SAME_UPPER / SAME_LOWER where it comes out odd)
 * becomes a pad2d node before the layer, which takes the symmetric remainder: zeros before a convolution or an average
 * that counts the padding, the lowest float before a max. Pooling reads {@code ceil_mode} and
 * {@code count_include_pad}.
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
        Sides sides = pads(a, x.shape(), new int[] {kh, kw}, s, d);
        int[] p = sides.symmetric();
        x = padFirst(g, n, x, sides, 0f);
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
        if (groups == channels && groups > 1) {
            return new DepthwiseConv2D(kh, kw, filters / channels, s[0], s[1], p[0], p[1], d[0], d[1], bias, null);
        }
        return groups == 1 ? new Conv2D(filters, kh, kw, s[0], s[1], p[0], p[1], d[0], d[1], false, bias, null)
                : new GroupedConv2D(filters, (int) groups, kh, kw, s[0], s[1], p[0], p[1], d[0], d[1], bias, null);
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
        Sides sides = pads(a, x.shape(), k, s, d);
        int[] p = sides.symmetric();
        boolean ceil = a.integer("ceil_mode", 0) != 0;
        boolean include = !max && a.integer("count_include_pad", 0) != 0;
        if (!sides.even()) {
            if (ceil) {
                throw a.refuse("has ceil_mode 1 with pads " + sides + ", not the same on both sides of an axis; our"
                        + " pooling rounds up only with symmetric padding (supported: ceil_mode 0, or symmetric pads)");
            }
            if (!max && !include) {
                throw a.refuse("has pads " + sides + ", not the same on both sides of an axis, and count_include_pad 0;"
                        + " our average pooling pads both sides alike and a pad layer's cells would count (supported:"
                        + " symmetric pads, or count_include_pad 1)");
            }
            x = padFirst(g, n, x, sides, max ? -Float.MAX_VALUE : 0f);
        }
        LayerConfig layer;
        try {
            layer = max ? new MaxPool2D(k[0], k[1], s[0], s[1], p[0], p[1], ceil)
                    : new AvgPool2D(k[0], k[1], s[0], s[1], p[0], p[1], ceil, include);
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

    static Computed image(ImportGraph g, NodeProto n) throws OnnxFormatException {
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

    /**
     * Padding of each side, ONNX's {@code [top, left, bottom, right]}: what our layers take on both sides of an axis
     * ({@link #symmetric}), and what a pad2d node adds before them ({@link #extra}).
     */
    record Sides(int top, int left, int bottom, int right) {
        /** Whether both sides of each axis are padded alike. */
        boolean even() {
            return top == bottom && left == right;
        }

        /** {@code [rows, columns]} padded on both sides of each axis: the smaller side. */
        int[] symmetric() {
            return new int[] {Math.min(top, bottom), Math.min(left, right)};
        }

        /** What is left on the larger side of each axis: top, bottom, left, right for a pad2d. */
        int[] extra() {
            int[] m = symmetric();
            return new int[] {top - m[0], bottom - m[0], left - m[1], right - m[1]};
        }

        @Override
        public String toString() {
            return "[" + top + ", " + left + ", " + bottom + ", " + right + "]";
        }
    }

    /** {@code x}, or where the padding is uneven a pad2d node of {@code value} adding the larger sides' excess. */
    private static Computed padFirst(ImportGraph g, NodeProto n, Computed x, Sides sides, float value)
            throws OnnxFormatException {
        if (sides.even()) {
            return x;
        }
        int[] e = sides.extra();
        return g.add(ImportOps.wish(n) + "_pad", new Pad2D(e[0], e[1], e[2], e[3], value), List.of(x), Map.of(), null, n);
    }

    /** Padding of each side: explicit {@code pads}, or what {@code auto_pad} makes. */
    private static Sides pads(NodeAttributes a, Shape x, int[] k, int[] s, int[] d) throws OnnxFormatException {
        String auto = a.text("auto_pad", "NOTSET");
        long[] pads = a.ints("pads", 4);
        switch (auto) {
            case "NOTSET" -> {
                if (pads == null) {
                    return new Sides(0, 0, 0, 0);
                }
                for (long v : pads) {
                    if (v < 0 || v > Integer.MAX_VALUE) {
                        throw a.refuse("has pads " + java.util.Arrays.toString(pads) + " [top, left, bottom, right];"
                                + " import reads pads of 0 or more (supported: no negative padding, that is no cropping)");
                    }
                }
                return new Sides((int) pads[0], (int) pads[1], (int) pads[2], (int) pads[3]);
            }
            case "VALID" -> {
                return new Sides(0, 0, 0, 0);
            }
            case "SAME_UPPER", "SAME_LOWER" -> {
                int[] total = new int[2];
                for (int axis = 0; axis < 2; axis++) {
                    long size = x.dim(axis + 1);
                    long all = Math.max(0, (Math.floorDiv(size + s[axis] - 1, s[axis]) - 1) * s[axis]
                            + (long) (k[axis] - 1) * d[axis] + 1 - size);
                    if (all > Integer.MAX_VALUE) {
                        throw a.refuse("has auto_pad " + auto + ", which here pads " + all + " cells, more than an int");
                    }
                    total[axis] = (int) all;
                }
                boolean upper = auto.equals("SAME_UPPER");
                int top = upper ? total[0] / 2 : total[0] - total[0] / 2;
                int left = upper ? total[1] / 2 : total[1] - total[1] / 2;
                return new Sides(top, left, total[0] - top, total[1] - left);
            }
            default -> throw a.refuse("has auto_pad '" + auto + "'; supported: NOTSET, VALID, SAME_UPPER, SAME_LOWER");
        }
    }
}
