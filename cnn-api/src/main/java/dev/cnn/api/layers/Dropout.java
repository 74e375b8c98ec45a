package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Random;

/**
 * While training, zeroes each value with probability {@code rate} and scales the rest by
 * {@code 1 / (1 - rate)} (inverted dropout); at inference it passes values through. Type id
 * {@code "dropout"}.
 *
 * @param rate the probability of dropping a value, in {@code [0, 1)}
 */
public record Dropout(double rate) implements LayerConfig {

    /** Checks that the rate is in {@code [0, 1)}. */
    public Dropout {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
    }

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        return new Layer() {
            private Tensor mask;

            @Override
            public LayerConfig config() {
                return Dropout.this;
            }

            @Override
            public Tensor forward(Tensor x, boolean training) {
                if (!training || rate == 0) {
                    mask = null;
                    return x;
                }
                float keep = (float) (1 / (1 - rate));
                float[] values = new float[x.shape().size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = random.nextDouble() < rate ? 0f : keep;
                }
                mask = backend.tensor(values, x.shape());
                return backend.multiply(x, mask);
            }

            @Override
            public Tensor backward(Tensor outputGradient) {
                return mask == null ? outputGradient : backend.multiply(outputGradient, mask);
            }
        };
    }
}
