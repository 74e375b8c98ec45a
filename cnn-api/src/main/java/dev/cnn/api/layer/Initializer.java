package dev.cnn.api.layer;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Random;

/** How a weight tensor's first values are drawn. */
public enum Initializer {
    /** He (Kaiming) normal: standard deviation {@code sqrt(2 / fanIn)}; for ReLU nets. */
    @JsonProperty("he")
    HE {
        @Override
        public float[] sample(int count, int fanIn, int fanOut, Random random) {
            double std = Math.sqrt(2.0 / fanIn);
            float[] values = new float[count];
            for (int i = 0; i < count; i++) {
                values[i] = (float) (random.nextGaussian() * std);
            }
            return values;
        }
    },
    /** Xavier (Glorot) uniform: within {@code ±sqrt(6 / (fanIn + fanOut))}; for tanh and sigmoid nets. */
    @JsonProperty("xavier")
    XAVIER {
        @Override
        public float[] sample(int count, int fanIn, int fanOut, Random random) {
            double limit = Math.sqrt(6.0 / (fanIn + fanOut));
            float[] values = new float[count];
            for (int i = 0; i < count; i++) {
                values[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
            }
            return values;
        }
    };

    /** Draws {@code count} values for a weight with the given fan-in and fan-out. */
    public abstract float[] sample(int count, int fanIn, int fanOut, Random random);
}
