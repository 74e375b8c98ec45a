package dev.cnn.onnx;

import static dev.cnn.onnx.OnnxGraphWriter.integer;
import static dev.cnn.onnx.OnnxGraphWriter.ints;

import dev.cnn.api.backend.PoolGeometry;
import dev.cnn.api.layers.AvgPool2D;
import dev.cnn.api.tensor.Shape;
import java.util.List;

/**
 * An average pooling in ceil mode that counts its padding, where its last window reaches past the padding: our
 * divisor (PyTorch's) counts only the window's cells inside the padded input, while ONNX Runtime's {@code
 * AveragePool} with {@code count_include_pad 1} differs there (measured: 4.6e-2 apart). Such a pooling leaves as an
 * {@code AveragePool} counting no padding, whose ceil-mode divisor ONNX Runtime computes as we do, times a constant
 * {@code [1, 1, Ho, Wo]} of each window's input cells over our divisor. (A {@code Pad} of zeros before a pooling
 * without padding is no way out: ONNX Runtime fuses such a Pad into the pooling's own padding, which it then does not
 * count.)
 */
final class AveragePoolExport {
    private AveragePoolExport() {
    }

    /** Whether {@code p} on {@code input} {@code [C, H, W]} has a ceil-mode window reaching past its counted padding. */
    static boolean reachesPastThePadding(AvgPool2D p, Shape input) {
        if (!p.ceilMode() || !p.countIncludePad()) {
            return false;
        }
        Shape out = p.outputShape(input);
        return (out.dim(1) - 1) * p.strideHeight() + p.poolHeight() > input.dim(1) + 2 * p.paddingHeight()
                || (out.dim(2) - 1) * p.strideWidth() + p.poolWidth() > input.dim(2) + 2 * p.paddingWidth();
    }

    /** {@code AveragePool} (ceil mode, no padding counted) then {@code Mul} by the divisors' ratios. */
    static String rescaled(OnnxGraphWriter g, String node, String x, AvgPool2D p, Shape input) {
        Shape out = p.outputShape(input);
        PoolGeometry ours = new PoolGeometry(p.poolHeight(), p.poolWidth(), p.strideHeight(), p.strideWidth(),
                p.paddingHeight(), p.paddingWidth(), true, true);
        PoolGeometry inside = ours.withCountIncludePad(false);
        float[] ratios = new float[out.dim(1) * out.dim(2)];
        for (int oh = 0; oh < out.dim(1); oh++) {
            for (int ow = 0; ow < out.dim(2); ow++) {
                ratios[oh * out.dim(2) + ow] = (float) inside.divisor(input.dim(1), input.dim(2), oh, ow)
                        / ours.divisor(input.dim(1), input.dim(2), oh, ow);
            }
        }
        String pooled = g.node("AveragePool", node + "_inside", List.of(x),
                ints("kernel_shape", p.poolHeight(), p.poolWidth()), ints("strides", p.strideHeight(), p.strideWidth()),
                ints("pads", p.paddingHeight(), p.paddingWidth(), p.paddingHeight(), p.paddingWidth()),
                integer("ceil_mode", 1), integer("count_include_pad", 0));
        String scale = g.initializer(node + "_divisors", new long[] {1, 1, out.dim(1), out.dim(2)}, ratios);
        return g.node("Mul", node, List.of(pooled, scale));
    }
}
