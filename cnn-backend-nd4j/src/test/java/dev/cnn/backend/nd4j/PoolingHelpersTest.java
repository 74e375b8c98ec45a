package dev.cnn.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Max pooling on oneDNN and on libnd4j's own kernel, which {@link PoolingHelpers} chooses between, agree exactly. */
class PoolingHelpersTest {
    private static final int[] THREE_BY_THREE_STRIDE_TWO_PADDED = {3, 3, 2, 2, 1, 1, 1, 1, 0, 0, 0};

    @Test
    void bothKernelsGiveTheSameMaximaAndGradients() {
        new Nd4jBackend();
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 5, 11, 9);
        INDArray gradient = Nd4j.rand(DataType.FLOAT, 3, 5, 6, 5);
        float[][] pooled = new float[2][];
        float[][] inputGradients = new float[2][];
        for (int run = 0; run < 2; run++) {
            boolean helpers = run == 0;
            INDArray out = Nd4j.zeros(DataType.FLOAT, 3, 5, 6, 5);
            INDArray dx = Nd4j.zeros(DataType.FLOAT, 3, 5, 11, 9);
            NativeOp.named("maxpool2d").inputs(x).outputs(out).integers(THREE_BY_THREE_STRIDE_TWO_PADDED).run(helpers);
            NativeOp.named("maxpool2d_bp").inputs(x, gradient).outputs(dx).integers(THREE_BY_THREE_STRIDE_TWO_PADDED)
                    .run(helpers);
            pooled[run] = out.ravel().toFloatVector();
            inputGradients[run] = dx.ravel().toFloatVector();
        }
        assertArrayEquals(pooled[0], pooled[1], "maxpool2d with and without oneDNN");
        assertArrayEquals(inputGradients[0], inputGradients[1], "maxpool2d_bp with and without oneDNN");
    }
}
