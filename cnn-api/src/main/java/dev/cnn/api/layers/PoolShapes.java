package dev.cnn.api.layers;

import dev.cnn.api.backend.PoolGeometry;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.tensor.Shape;

final class PoolShapes {
    private PoolShapes() {
    }

    static Shape outputShape(String layer, PoolGeometry geometry, Shape input) {
        if (input.rank() != 3) {
            throw new ShapeMismatchException(layer + " needs input [channels, height, width], got " + input);
        }
        try {
            return geometry.outputShape(input.withBatch(1)).withoutBatch();
        } catch (IllegalArgumentException e) {
            throw new ShapeMismatchException(layer + ": " + e.getMessage());
        }
    }
}
