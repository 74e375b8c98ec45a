package dev.cnn.backend.nd4j;

import dev.cnn.api.backend.PoolGeometry;
import dev.cnn.api.tensor.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Max and average pooling through libnd4j's {@code maxpool2d}, {@code avgpool2d} and their {@code _bp}. */
final class Pooling {
    private static final int NCHW = 0;
    private static final int VALID_MODE = 0;
    /** For {@code avgpool2d}: divide by the number of positions inside the input, not by kH*kW. */
    private static final int AVERAGE_EXCLUDES_PADDING = 1;
    private static final int UNUSED = 0;

    private Pooling() {
    }

    static INDArray maxForward(INDArray input, PoolGeometry g, Shape outputShape) {
        INDArray output = Nd4j.createUninitialized(DataType.FLOAT, Dims.of(outputShape));
        NativeOp.named("maxpool2d").inputs(input).outputs(output).integers(arguments(g, UNUSED)).run();
        return output;
    }

    static INDArray maxBackward(INDArray input, INDArray outputGradient, PoolGeometry g) {
        INDArray inputGradient = Nd4j.zeros(DataType.FLOAT, input.shape());
        NativeOp.named("maxpool2d_bp").inputs(input, outputGradient).outputs(inputGradient)
                .integers(arguments(g, UNUSED)).run();
        return inputGradient;
    }

    static INDArray averageForward(INDArray input, PoolGeometry g, Shape outputShape) {
        INDArray output = Nd4j.createUninitialized(DataType.FLOAT, Dims.of(outputShape));
        NativeOp.named("avgpool2d").inputs(input).outputs(output)
                .integers(arguments(g, AVERAGE_EXCLUDES_PADDING)).run();
        return output;
    }

    /** {@code avgpool2d_bp} reads only the shape of its first input, so a zero placeholder stands in. */
    static INDArray averageBackward(INDArray outputGradient, PoolGeometry g, Shape inputShape) {
        INDArray placeholderInput = Nd4j.zeros(DataType.FLOAT, Dims.of(inputShape));
        INDArray inputGradient = Nd4j.zeros(DataType.FLOAT, Dims.of(inputShape));
        try {
            NativeOp.named("avgpool2d_bp").inputs(placeholderInput, outputGradient).outputs(inputGradient)
                    .integers(arguments(g, AVERAGE_EXCLUDES_PADDING)).run();
            return inputGradient;
        } finally {
            Release.all(placeholderInput);
        }
    }

    private static int[] arguments(PoolGeometry g, int extraParameter) {
        return new int[] {g.kernelH(), g.kernelW(), g.strideH(), g.strideW(), g.padH(), g.padW(), 1, 1,
                VALID_MODE, extraParameter, NCHW};
    }
}
