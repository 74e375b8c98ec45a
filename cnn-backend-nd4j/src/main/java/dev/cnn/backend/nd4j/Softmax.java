package dev.cnn.backend.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Softmax and log-softmax over the last axis of {@code [N, K]}, through libnd4j's stable kernels. */
final class Softmax {
    private Softmax() {
    }

    static INDArray forward(INDArray x) {
        INDArray y = Nd4j.createUninitialized(DataType.FLOAT, x.shape());
        NativeOp.named("softmax").inputs(x).outputs(y).run();
        return y;
    }

    static INDArray log(INDArray x) {
        INDArray y = Nd4j.createUninitialized(DataType.FLOAT, x.shape());
        NativeOp.named("log_softmax").inputs(x).outputs(y).run();
        return y;
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
