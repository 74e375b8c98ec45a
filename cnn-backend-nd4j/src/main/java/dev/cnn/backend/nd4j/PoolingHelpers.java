package dev.cnn.backend.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Whether max pooling runs on oneDNN or on libnd4j's own kernel, forward and backward, chosen once per process by
 * timing both on a batch of the size of vgg-small's first pooling, because which one is faster depends on the machine:
 * on 64 x 32 x 28 x 28 (NativeOpTimings, one native thread) a Zen 3 with AVX2 took 25.1 ms on oneDNN against 4.6 on
 * libnd4j's kernel forward and 38.7 against 12.7 backward, while a Zen 4 with AVX-512 took 0.44 on oneDNN against 1.4-1.7
 * forward. Both compute the same maxima. {@code -Dcnn.nd4j.poolHelpers=true} or {@code false} fixes the choice.
 */
final class PoolingHelpers {
    static final String PROPERTY = "cnn.nd4j.poolHelpers";
    private static final long[] PROBE = {8, 32, 28, 28};
    private static final int ROUNDS = 3;
    private static final int[] TWO_BY_TWO = {2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 0};

    /** Whether {@code maxpool2d} runs with oneDNN. */
    static final boolean FORWARD;
    /** Whether {@code maxpool2d_bp} runs with oneDNN. */
    static final boolean BACKWARD;

    static {
        String fixed = System.getProperty(PROPERTY, "auto");
        if (fixed.equals("true") || fixed.equals("false")) {
            FORWARD = Boolean.parseBoolean(fixed);
            BACKWARD = FORWARD;
        } else {
            INDArray x = Nd4j.rand(DataType.FLOAT, PROBE);
            INDArray pooled = Nd4j.createUninitialized(DataType.FLOAT, PROBE[0], PROBE[1], PROBE[2] / 2, PROBE[3] / 2);
            INDArray gradient = Nd4j.rand(DataType.FLOAT, PROBE[0], PROBE[1], PROBE[2] / 2, PROBE[3] / 2);
            INDArray inputGradient = Nd4j.createUninitialized(DataType.FLOAT, PROBE);
            FORWARD = faster(helpers -> NativeOp.named("maxpool2d").inputs(x).outputs(pooled).integers(TWO_BY_TWO)
                    .run(helpers));
            BACKWARD = faster(helpers -> NativeOp.named("maxpool2d_bp").inputs(x, gradient).outputs(inputGradient)
                    .integers(TWO_BY_TWO).run(helpers));
            Release.all(x, pooled, gradient, inputGradient);
        }
    }

    private PoolingHelpers() {
    }

    /** Whether {@code op} with helpers took at most its time without them, the fastest of a few alternated calls. */
    private static boolean faster(HelperChoice op) {
        long with = Long.MAX_VALUE;
        long without = Long.MAX_VALUE;
        for (int round = -1; round < ROUNDS; round++) {
            long a = time(op, true);
            long b = time(op, false);
            if (round >= 0) {
                with = Math.min(with, a);
                without = Math.min(without, b);
            }
        }
        return with <= without;
    }

    private static long time(HelperChoice op, boolean helpers) {
        long start = System.nanoTime();
        op.run(helpers);
        return System.nanoTime() - start;
    }

    /** One operation, run with or without the platform helpers. */
    private interface HelperChoice {
        void run(boolean helpers);
    }
}
