package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.tensor.Shape;
import java.util.Random;

/**
 * Turns each row of scores into probabilities that sum to 1. Input and output {@code [K]}. Type id
 * {@code "softmax"}. Classifiers trained with softmax cross-entropy end in logits instead, since the
 * loss applies the softmax itself.
 */
public record Softmax() implements LayerConfig {

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 1) {
            throw new ShapeMismatchException("softmax needs a flat input [classes], got " + input);
        }
        return input;
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        outputShape(input);
        return new ActivationLayer(this, backend, (b, x, out) -> b.softmax(x),
                (b, x, y, dy, out) -> b.softmaxBackward(y, dy));
    }
}
