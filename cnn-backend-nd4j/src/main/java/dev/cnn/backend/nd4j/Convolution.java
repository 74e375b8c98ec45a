package dev.cnn.backend.nd4j;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 2-d convolution through libnd4j's {@code conv2d} and {@code conv2d_bp}, NCHW input and
 * {@code [O, C, kH, kW]} filters passed as such (weight format 1), explicit padding; a dilated convolution runs
 * undilated on the spread filter of {@link DilatedFilter}.
 */
final class Convolution {
    private static final int NCHW = 0;
    private static final int WEIGHTS_OUT_IN_H_W = 1;
    private static final int VALID_MODE = 0;

    private Convolution() {
    }

    /** The convolution, written into {@code output} unless it is null. */
    static INDArray forward(INDArray input, INDArray filter, ConvGeometry g, Shape outputShape, INDArray output) {
        if (output == null) {
            output = Nd4j.createUninitialized(DataType.FLOAT, Dims.of(outputShape));
        }
        if (!g.undilated()) {
            INDArray spread = DilatedFilter.spread(filter, g);
            NativeOp.named("conv2d").inputs(input, spread).outputs(output)
                    .integers(arguments(spread, DilatedFilter.undilated(g))).run();
            Release.all(spread);
            return output;
        }
        NativeOp.named("conv2d").inputs(input, filter).outputs(output).integers(arguments(filter, g)).run();
        return output;
    }

    /** {@link #forward} plus {@code bias[o]}, in the one native op, written into {@code output} unless it is null. */
    static INDArray forward(INDArray input, INDArray filter, INDArray bias, ConvGeometry g, Shape outputShape,
                            INDArray output) {
        if (output == null) {
            output = Nd4j.createUninitialized(DataType.FLOAT, Dims.of(outputShape));
        }
        if (!g.undilated()) {
            INDArray spread = DilatedFilter.spread(filter, g);
            NativeOp.named("conv2d").inputs(input, spread, bias).outputs(output)
                    .integers(arguments(spread, DilatedFilter.undilated(g))).run();
            Release.all(spread);
            return output;
        }
        NativeOp.named("conv2d").inputs(input, filter, bias).outputs(output).integers(arguments(filter, g)).run();
        return output;
    }

    /** The input gradient; {@code conv2d_bp} also computes a filter gradient, dropped in {@link Scratch}. */
    static INDArray backwardData(INDArray outputGradient, INDArray filter, ConvGeometry g, Shape inputShape) {
        INDArray inputGradient = Nd4j.zeros(DataType.FLOAT, Dims.of(inputShape));
        try (MemoryWorkspace scope = Scratch.open()) {
            INDArray placeholderInput = Nd4j.zeros(DataType.FLOAT, Dims.of(inputShape)); // only its shape is read
            INDArray filterGradient = Nd4j.zeros(DataType.FLOAT, filter.shape());
            backward(placeholderInput, filter, outputGradient, inputGradient, filterGradient, g);
        }
        return inputGradient;
    }

    /**
     * The filter gradient, written into {@code filterGradient} (zeroed first) unless it is null; {@code conv2d_bp}
     * also computes an input gradient, dropped in {@link Scratch}.
     */
    static INDArray backwardFilter(INDArray input, INDArray outputGradient, ConvGeometry g, Shape filterShape,
                                   INDArray filterGradient) {
        filterGradient = filterGradient == null ? Nd4j.zeros(DataType.FLOAT, Dims.of(filterShape))
                : filterGradient.assign(0);
        try (MemoryWorkspace scope = Scratch.open()) {
            INDArray placeholderFilter = Nd4j.zeros(DataType.FLOAT, Dims.of(filterShape)); // only its shape is read
            INDArray inputGradient = Nd4j.zeros(DataType.FLOAT, input.shape());
            backward(input, placeholderFilter, outputGradient, inputGradient, filterGradient, g);
        }
        return filterGradient;
    }

    /**
     * Both gradients from one {@code conv2d_bp} call: {@code [input gradient, filter gradient]}, written into
     * {@code inputGradient} and {@code filterGradient} (zeroed first) unless they are null.
     */
    static INDArray[] backwardBoth(INDArray input, INDArray filter, INDArray outputGradient, ConvGeometry g,
                                   INDArray inputGradient, INDArray filterGradient) {
        inputGradient = inputGradient == null ? Nd4j.zeros(DataType.FLOAT, input.shape()) : inputGradient.assign(0);
        filterGradient = filterGradient == null ? Nd4j.zeros(DataType.FLOAT, filter.shape()) : filterGradient.assign(0);
        backward(input, filter, outputGradient, inputGradient, filterGradient, g);
        return new INDArray[] {inputGradient, filterGradient};
    }

    private static void backward(INDArray input, INDArray filter, INDArray outputGradient,
                                 INDArray inputGradient, INDArray filterGradient, ConvGeometry g) {
        if (!g.undilated()) {
            INDArray spread = DilatedFilter.spread(filter, g);
            INDArray spreadGradient = Nd4j.zeros(DataType.FLOAT, spread.shape());
            backward(input, spread, outputGradient, inputGradient, spreadGradient, DilatedFilter.undilated(g));
            DilatedFilter.gatherInto(spreadGradient, g, filterGradient);
            Release.all(spread, spreadGradient);
            return;
        }
        NativeOp.named("conv2d_bp")
                .inputs(input, filter, outputGradient)
                .outputs(inputGradient, filterGradient)
                .integers(arguments(filter, g))
                .run();
    }

    private static int[] arguments(INDArray filter, ConvGeometry g) {
        int kernelH = Math.toIntExact(filter.size(2));
        int kernelW = Math.toIntExact(filter.size(3));
        return new int[] {kernelH, kernelW, g.strideH(), g.strideW(), g.padH(), g.padW(), 1, 1,
                VALID_MODE, NCHW, WEIGHTS_OUT_IN_H_W};
    }

}
