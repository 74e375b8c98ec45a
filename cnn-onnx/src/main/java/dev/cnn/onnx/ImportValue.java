package dev.cnn.onnx;

import dev.cnn.api.tensor.Shape;

/** What an ONNX value name stands for while a graph is imported. */
sealed interface ImportValue {

    /**
     * A value our network computes: the output of the node {@code node} (or the network input), {@code shape} per image
     * as our layers see it, and {@code onnxShape} as ONNX does, which differ only after a global pooling: ours is
     * {@code [C]}, ONNX's {@code [C, 1, 1]}.
     */
    record Computed(String node, Shape shape, Shape onnxShape) implements ImportValue {
        /** Whether ONNX sees {@code [C, 1, 1]} where we hold {@code [C]}. */
        boolean pooledFlat() {
            return shape.rank() == 1 && onnxShape.rank() == 3;
        }
    }

    /** A constant: an initializer or the output of a {@code Constant} node. */
    record Constant(OnnxTensors.Data data) implements ImportValue {
    }

    /**
     * A {@code MatMul} by a constant not yet made a node: a following {@code Add} of a constant becomes its bias, any
     * other reader makes it a dense layer without one.
     */
    record PendingMatMul(Computed input, float[] weight, int units, String name) implements ImportValue {
    }

    /** The network input after a leading {@code Sub} and/or {@code Div} by constants: the model's normalisation. */
    record Normalized(Computed input, float[] mean, float[] std) implements ImportValue {
    }
}
