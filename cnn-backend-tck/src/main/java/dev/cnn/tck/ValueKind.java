package dev.cnn.tck;

import java.util.SplittableRandom;

/** The kinds of tensor values the kit draws; each draw is fixed by a seed, so cases replay exactly. */
public enum ValueKind {
    /** Uniform in [-1, 1): the general case, with negatives. */
    UNIT {
        @Override
        float next(SplittableRandom random) {
            return (float) (random.nextDouble() * 2 - 1);
        }
    },
    /** Integers from -2 to 2: exact ties for max-pooling and exact zeros for the activation gradients. */
    SMALL_INTEGERS {
        @Override
        float next(SplittableRandom random) {
            return random.nextInt(5) - 2;
        }
    },
    /** Uniform in [-100, 100): overflows any activation or softmax that is not computed stably. */
    WIDE {
        @Override
        float next(SplittableRandom random) {
            return (float) (random.nextDouble() * 200 - 100);
        }
    };

    abstract float next(SplittableRandom random);

    /** {@code count} values drawn from {@code seed}. */
    public float[] draw(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = next(random);
        }
        return values;
    }
}
