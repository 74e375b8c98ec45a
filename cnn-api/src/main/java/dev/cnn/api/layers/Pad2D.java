package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.PadGeometry;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerCost;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Random;

/**
 * Rows and columns of a constant added around every feature map: Keras's {@code ZeroPadding2D(((top, bottom), (left,
 * right)))} with {@code value} 0, PyTorch's {@code ConstantPad2d((left, right, top, bottom), value)}, ONNX's
 * {@code Pad} in constant mode on the spatial axes. Input {@code [C, H, W]}, output
 * {@code [C, H + top + bottom, W + left + right]}; no parameters. Type id {@code "pad2d"}.
 *
 * @param top    rows added above
 * @param bottom rows added below
 * @param left   columns added on the left
 * @param right  columns added on the right
 * @param value  the value of every added cell, finite (0 for zero padding)
 */
public record Pad2D(int top, int bottom, int left, int right, float value) implements LayerConfig {

    /** Checks that no side is negative and the value is finite. */
    public Pad2D {
        new PadGeometry(top, bottom, left, right);
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException("pad2d needs a finite value (model files hold finite numbers), got "
                    + value);
        }
    }

    /** Zero padding, as Keras's {@code ZeroPadding2D(((top, bottom), (left, right)))}. */
    public static Pad2D zeros(int top, int bottom, int left, int right) {
        return new Pad2D(top, bottom, left, right, 0f);
    }

    /** {@code padding} rows or columns of zeros on every side, as Keras's {@code ZeroPadding2D(padding)}. */
    public static Pad2D zeros(int padding) {
        return zeros(padding, padding, padding, padding);
    }

    PadGeometry geometry() {
        return new PadGeometry(top, bottom, left, right);
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 3) {
            throw new ShapeMismatchException("pad2d needs input [channels, height, width], got " + input);
        }
        try {
            return geometry().outputShape(input.withBatch(1)).withoutBatch();
        } catch (IllegalArgumentException e) {
            throw new ShapeMismatchException("pad2d: " + e.getMessage());
        }
    }

    /** Each output value is one copy. */
    @Override
    public LayerCost cost(Shape input) {
        return LayerCost.perValue(outputShape(input));
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        outputShape(input);
        PadGeometry pads = geometry();
        return new Layer() {
            @Override
            public LayerConfig config() {
                return Pad2D.this;
            }

            @Override
            public Tensor forward(Tensor x, boolean training) {
                return backend.pad2d(x, pads, value);
            }

            @Override
            public Tensor backward(Tensor outputGradient) {
                return backend.pad2dBackward(outputGradient, pads);
            }
        };
    }
}
