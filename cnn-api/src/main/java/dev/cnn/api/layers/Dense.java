package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Initializer;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerCost;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.tensor.Shape;
import java.util.Random;

/**
 * A fully connected layer: every output is a weighted sum of every input plus a bias. Input
 * {@code [F]} (put a {@link Flatten} before it for images), output {@code [units]}. Type id
 * {@code "dense"}.
 *
 * @param units       number of outputs
 * @param useBias     whether to add a learned bias per output
 * @param initializer how the weights start
 */
public record Dense(int units, boolean useBias, Initializer initializer) implements LayerConfig {

    /** Checks that there is at least one unit. */
    public Dense {
        if (units < 1) {
            throw new IllegalArgumentException("dense needs at least 1 unit, got " + units);
        }
        if (initializer == null) {
            initializer = Initializer.XAVIER;
        }
    }

    /** {@code units} outputs with bias and Xavier (Glorot uniform) initialisation, as in Keras. */
    public static Dense of(int units) {
        return new Dense(units, true, Initializer.XAVIER);
    }

    /** This layer with another initializer. */
    public Dense withInitializer(Initializer init) {
        return new Dense(units, useBias, init);
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 1) {
            throw new ShapeMismatchException("dense needs a flat input [features], got " + input
                    + "; add a flatten layer before it");
        }
        return Shape.of(units);
    }

    @Override
    public long parameterCount(Shape input) {
        return (long) input.dim(0) * units + (useBias ? units : 0);
    }

    /** Each unit takes one multiply-add per input feature. */
    @Override
    public LayerCost cost(Shape input) {
        return LayerCost.perValue(outputShape(input), input.dim(0));
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        outputShape(input);
        return new DenseLayer(this, input.dim(0), backend, random);
    }
}
