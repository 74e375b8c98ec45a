package dev.cnn.backend.nd4j;

import dev.cnn.api.tensor.Shape;

/** The shape checks of the backend SPI, failing with messages that name the shapes. */
final class ShapeRules {
    private ShapeRules() {
    }

    static void requireSame(String kernel, Shape a, Shape b) {
        if (!a.equals(b)) {
            throw new IllegalArgumentException(kernel + " needs tensors of the same shape, got " + a + " and " + b);
        }
    }

    static void requireRank(String kernel, String role, Shape s, int... ranks) {
        for (int r : ranks) {
            if (s.rank() == r) {
                return;
            }
        }
        throw new IllegalArgumentException(kernel + " needs " + role + " of rank "
                + java.util.Arrays.toString(ranks) + ", got " + s);
    }

    static void requireChannelVector(String kernel, Shape x, Shape perChannel) {
        requireRank(kernel, "x", x, 2, 4);
        if (perChannel.rank() != 1 || perChannel.dim(0) != x.dim(1)) {
            throw new IllegalArgumentException(kernel + " needs a per-channel vector [" + x.dim(1)
                    + "] for x " + x + ", got " + perChannel);
        }
    }
}
