package dev.cnn.backend.nd4j;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Depthwise convolution through libnd4j's own {@code depthwise_conv2d} and {@code depthwise_conv2d_bp} (oneDNN's
 * kernels where the natives carry them), NCHW, filters as {@code [kH, kW, C, M]} (weight format 0), a transposed copy
 * of the SPI's small {@code [C, M, kH, kW]} in {@link Scratch}: with weight format 1 ({@code [M, C, kH, kW]}, the
 * same memory when M is 1) the same ops measured 40-90 times slower (forward 309-317
 * ms against 7.4 ms, backward 780-829 against 8.7 on 64 x 32 x 28 x 28, 3x3). Where the full convolution of
 * {@link DepthwiseAsFull} does C times the multiplications.
 */
final class Depthwise {
    private static final int NCHW = 0;
    private static final int WEIGHTS_H_W_C_M = 0;
    private static final int VALID_MODE = 0;

    private Depthwise() {
    }

    /** The forward pass into {@code output} ({@code null}: a new array). */
    static INDArray forward(INDArray input, INDArray filter, ConvGeometry g, Shape outputShape, INDArray output) {
        if (output == null) {
            output = Nd4j.createUninitialized(DataType.FLOAT, Dims.of(outputShape));
        }
        try (MemoryWorkspace scope = Scratch.open()) {
            NativeOp.named("depthwise_conv2d").inputs(input, nativeFilter(filter)).outputs(output)
                    .integers(arguments(filter, g)).run();
        }
        return output;
    }

    /** The input gradient, written into {@code inputGradient}; the filter gradient the op also makes is dropped. */
    static INDArray backwardData(INDArray outputGradient, INDArray filter, ConvGeometry g, INDArray inputGradient) {
        try (MemoryWorkspace scope = Scratch.open()) {
            INDArray input = Nd4j.zeros(DataType.FLOAT, inputGradient.shape()); // only its shape is read
            INDArray filterGradient = Nd4j.createUninitialized(DataType.FLOAT, nativeShape(filter));
            backward(input, nativeFilter(filter), outputGradient, inputGradient, filterGradient, filter, g);
        }
        return inputGradient;
    }

    /** The filter gradient, written into {@code filterGradient}; the input gradient the op also makes is dropped. */
    static INDArray backwardFilter(INDArray input, INDArray outputGradient, ConvGeometry g, INDArray filterGradient) {
        try (MemoryWorkspace scope = Scratch.open()) {
            INDArray filter = Nd4j.zeros(DataType.FLOAT, nativeShape(filterGradient)); // only its shape is read
            INDArray inputGradient = Nd4j.createUninitialized(DataType.FLOAT, input.shape());
            INDArray nativeGradient = Nd4j.createUninitialized(DataType.FLOAT, nativeShape(filterGradient));
            backward(input, filter, outputGradient, inputGradient, nativeGradient, filterGradient, g);
            filterGradient.assign(nativeGradient.permute(2, 3, 0, 1));
        }
        return filterGradient;
    }

    private static void backward(INDArray input, INDArray nativeFilter, INDArray outputGradient,
                                 INDArray inputGradient, INDArray nativeFilterGradient, INDArray filterLike,
                                 ConvGeometry g) {
        NativeOp.named("depthwise_conv2d_bp").inputs(input, nativeFilter, outputGradient)
                .outputs(inputGradient, nativeFilterGradient).integers(arguments(filterLike, g)).run();
    }

    /** {@code [kH, kW, C, M]}: a transposed copy of the {@code [C, M, kH, kW]} filter, in scratch when open. */
    private static INDArray nativeFilter(INDArray filter) {
        return filter.permute(2, 3, 0, 1).dup('c');
    }

    private static long[] nativeShape(INDArray filter) {
        return new long[] {filter.size(2), filter.size(3), filter.size(0), filter.size(1)};
    }

    private static int[] arguments(INDArray filter, ConvGeometry g) {
        return new int[] {Math.toIntExact(filter.size(2)), Math.toIntExact(filter.size(3)), g.strideH(), g.strideW(),
                g.padH(), g.padW(), g.dilationH(), g.dilationW(), VALID_MODE, NCHW, WEIGHTS_H_W_C_M};
    }
}
