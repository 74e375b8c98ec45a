package dev.cnn.backend.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Softmax and log-softmax over the last axis of {@code [N, K]}, computed stably. */
final class Softmax {
    private Softmax() {
    }

    static INDArray forward(INDArray x) {
        INDArray y = Nd4j.createUninitialized(DataType.FLOAT, x.shape());
        NativeOp.named("softmax").inputs(x).outputs(y).run();
        return y;
    }

    /**
     * {@code (x - max) - log(sum(exp(x - max)))} per row. libnd4j's {@code log_softmax} takes the log of
     * the softmax, which underflows to -infinity for rows spread wider than about 100.
     */
    static INDArray log(INDArray x) {
        INDArray rowMax = x.max(true, 1);
        INDArray shifted = x.subColumnVector(rowMax);
        INDArray exponentials = Transforms.exp(shifted, true);
        INDArray logSumExp = Transforms.log(exponentials.sum(true, 1), false);
        try {
            return shifted.subiColumnVector(logSumExp);
        } finally {
            Release.all(rowMax, exponentials, logSumExp);
        }
    }

    /** {@code y * (dy - sum(dy * y))} per row. */
    static INDArray backward(INDArray y, INDArray outputGradient) {
        INDArray weighted = outputGradient.mul(y);
        INDArray rowSums = weighted.sum(true, 1);
        try {
            return outputGradient.subColumnVector(rowSums).muli(y);
        } finally {
            Release.all(weighted, rowSums);
        }
    }
}
