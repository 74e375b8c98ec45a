package dev.cnn.onnx;

import dev.cnn.api.layers.Pad2D;
import dev.cnn.onnx.ImportValue.Computed;
import dev.cnn.onnx.proto.OnnxProto.NodeProto;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * ONNX's {@code Pad} (opsets 11 to 17: the pads and the value as constant inputs) as our pad2d: mode
 * {@code constant} only, on the height and width only, never negative (which would crop), with a finite value.
 */
final class PadImport {
    private PadImport() {
    }

    static Computed pad(ImportGraph g, NodeProto n) throws OnnxFormatException {
        NodeAttributes a = NodeAttributes.of(n, "mode");
        String mode = a.text("mode", "constant");
        if (!mode.equals("constant")) {
            throw a.refuse("has mode '" + mode + "'; our pad2d adds a constant (supported: mode constant)");
        }
        Computed x = ConvImport.image(g, n);
        OnnxTensors.Data pads = g.constant(n.getInput(1), n, "pads");
        if (pads.longs() == null || pads.longs().length != 8) {
            throw a.refuse("has pads of " + pads.size() + " values; import reads 8 integers, begin and end of [N, C, H,"
                    + " W]");
        }
        long[] p = pads.longs();
        if (p[0] != 0 || p[1] != 0 || p[4] != 0 || p[5] != 0) {
            throw a.refuse("has pads " + Arrays.toString(p) + ", padding the batch or channel axis; our pad2d pads"
                    + " height and width only (supported: zeros at positions 0, 1, 4 and 5)");
        }
        for (long v : p) {
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw a.refuse("has pads " + Arrays.toString(p) + "; import reads pads of 0 or more (a negative one"
                        + " crops, which our pad2d does not)");
            }
        }
        float value = 0f;
        if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
            float[] v = g.floats(n.getInput(2), n, "constant value", 1);
            value = v[0];
            if (!Float.isFinite(value)) {
                throw a.refuse("pads with " + value + "; our pad2d takes a finite value (supported: a finite"
                        + " constant_value)");
            }
        }
        return g.add(ImportOps.wish(n), new Pad2D((int) p[2], (int) p[6], (int) p[3], (int) p[7], value), List.of(x),
                Map.of(), null, n);
    }
}
