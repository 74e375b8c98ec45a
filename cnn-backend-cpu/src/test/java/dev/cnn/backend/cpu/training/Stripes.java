package dev.cnn.backend.cpu.training;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.tensor.Shape;
import java.util.List;
import java.util.Random;

/** A small synthetic dataset: 1x8x8 noisy images of a horizontal, vertical or diagonal stripe. */
public final class Stripes {
    public static final Shape SHAPE = Shape.of(1, 8, 8);

    private Stripes() {
    }

    public static Dataset make(int count, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[count * 64];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(3);
            int at = 1 + random.nextInt(6);
            labels[i] = label;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean on = switch (label) {
                        case 0 -> y == at;
                        case 1 -> x == at;
                        default -> x == y;
                    };
                    pixels[i * 64 + y * 8 + x] = (on ? 1f : 0f) + (float) (0.1 * random.nextGaussian());
                }
            }
        }
        return new Dataset(SHAPE, pixels, labels, List.of("horizontal", "vertical", "diagonal"));
    }
}
