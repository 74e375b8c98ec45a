package dev.cnn.backend.nd4j;

import dev.cnn.api.backend.PoolGeometry;
import dev.cnn.api.tensor.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Max and average pooling through libnd4j's {@code maxpool2d}, {@code avgpool2d} and their {@code _bp}; max pooling
 * on oneDNN or on libnd4j's own kernel, whichever measured faster on this machine ({@link PoolingHelpers}).
 *
 * <p>The SPI divides a padded window's sum by the number of positions inside the input. Which
 * divisor libnd4j uses for a given mode argument differs between its own kernels and the oneDNN
 * ones (measured: mode 1 counts the padding under oneDNN), so padded average pooling does not
 * trust the mode: it pools a plane of ones with the same geometry, which yields each window's
 * {@code inside / divisor} ratio, and divides by it.
 */
final class Pooling {
    private static final int NCHW = 0;
    private static final int VALID_MODE = 0;
    private static final int AVERAGE_MODE = 1;
    private static final int UNUSED = 0;
    private static final int[] SPATIAL_AXES = {2, 3};

    private Pooling() {
    }

    /** Max pooling, written into {@code output} unless it is null. */
    static INDArray maxForward(INDArray input, PoolGeometry g, Shape outputShape, INDArray output) {
        if (output == null) {
            output = Nd4j.createUninitialized(DataType.FLOAT, Dims.of(outputShape));
        }
        if (ExplicitPooling.needed(g, false)) {
            INDArray copy = ExplicitPooling.padded(input, g, Float.NEGATIVE_INFINITY);
            NativeOp.named("maxpool2d").inputs(copy).outputs(output)
                    .integers(arguments(ExplicitPooling.onCopy(g), UNUSED)).run(PoolingHelpers.FORWARD);
            Release.all(copy);
            return output;
        }
        NativeOp.named("maxpool2d").inputs(input).outputs(output).integers(arguments(g, UNUSED))
                .run(PoolingHelpers.FORWARD);
        return output;
    }

    /** The input gradient of max pooling, written into {@code inputGradient} (zeroed first) unless it is null. */
    static INDArray maxBackward(INDArray input, INDArray outputGradient, PoolGeometry g, INDArray inputGradient) {
        if (ExplicitPooling.needed(g, false)) {
            INDArray copy = ExplicitPooling.padded(input, g, Float.NEGATIVE_INFINITY);
            INDArray copyGradient = Nd4j.zeros(DataType.FLOAT, copy.shape());
            NativeOp.named("maxpool2d_bp").inputs(copy, outputGradient).outputs(copyGradient)
                    .integers(arguments(ExplicitPooling.onCopy(g), UNUSED)).run(PoolingHelpers.BACKWARD);
            INDArray result = inputGradient == null
                    ? SpatialPadding.crop(copyGradient, g.padH(), g.padW(), input.size(2), input.size(3))
                    : SpatialPadding.cropInto(copyGradient, g.padH(), g.padW(), inputGradient);
            Release.all(copy, copyGradient);
            return result;
        }
        inputGradient = inputGradient == null ? Nd4j.zeros(DataType.FLOAT, input.shape()) : inputGradient.assign(0);
        NativeOp.named("maxpool2d_bp").inputs(input, outputGradient).outputs(inputGradient)
                .integers(arguments(g, UNUSED)).run(PoolingHelpers.BACKWARD);
        return inputGradient;
    }

    static INDArray averageForward(INDArray input, PoolGeometry g, Shape outputShape) {
        INDArray output = Nd4j.createUninitialized(DataType.FLOAT, Dims.of(outputShape));
        if (ExplicitPooling.needed(g, true)) {
            INDArray copy = ExplicitPooling.padded(input, g, 0f);
            NativeOp.named("avgpool2d").inputs(copy).outputs(output)
                    .integers(arguments(ExplicitPooling.onCopy(g), AVERAGE_MODE)).run();
            INDArray factors = ExplicitPooling.rescale(g, (int) input.size(2), (int) input.size(3), outputShape.dim(2),
                    outputShape.dim(3));
            Broadcast.mul(output, factors, output, SPATIAL_AXES);
            Release.all(copy, factors);
            return output;
        }
        NativeOp.named("avgpool2d").inputs(input).outputs(output).integers(arguments(g, AVERAGE_MODE)).run();
        if (isPadded(g)) {
            INDArray ratio = insideRatio(g, input.size(2), input.size(3), outputShape);
            Broadcast.div(output, ratio, output, SPATIAL_AXES);
            Release.all(ratio);
        }
        return output;
    }

    /** {@code avgpool2d_bp} reads only the shape of its first input, so a zero placeholder stands in. */
    static INDArray averageBackward(INDArray outputGradient, PoolGeometry g, Shape inputShape) {
        if (ExplicitPooling.needed(g, true)) {
            return explicitAverageBackward(outputGradient, g, inputShape);
        }
        INDArray placeholderInput = Nd4j.zeros(DataType.FLOAT, Dims.of(inputShape));
        INDArray inputGradient = Nd4j.zeros(DataType.FLOAT, Dims.of(inputShape));
        INDArray ratio = null;
        INDArray rescaled = outputGradient;
        if (isPadded(g)) {
            ratio = insideRatio(g, inputShape.dim(2), inputShape.dim(3), Dims.shapeOf(outputGradient.shape()));
            rescaled = Broadcast.div(outputGradient, ratio,
                    Nd4j.createUninitialized(DataType.FLOAT, outputGradient.shape()), SPATIAL_AXES);
        }
        try {
            NativeOp.named("avgpool2d_bp").inputs(placeholderInput, rescaled).outputs(inputGradient)
                    .integers(arguments(g, AVERAGE_MODE)).run();
            return inputGradient;
        } finally {
            Release.all(placeholderInput, ratio, rescaled == outputGradient ? null : rescaled);
        }
    }

    /** The op's gradient on the padded copy, of the output gradient rescaled to the geometry's divisors, cropped. */
    private static INDArray explicitAverageBackward(INDArray outputGradient, PoolGeometry g, Shape inputShape) {
        INDArray placeholder = ExplicitPooling.padded(Nd4j.zeros(DataType.FLOAT, Dims.of(inputShape)), g, 0f);
        INDArray copyGradient = Nd4j.zeros(DataType.FLOAT, placeholder.shape());
        INDArray factors = ExplicitPooling.rescale(g, inputShape.dim(2), inputShape.dim(3),
                (int) outputGradient.size(2), (int) outputGradient.size(3));
        INDArray rescaled = ExplicitPooling.times(outputGradient, factors);
        try {
            NativeOp.named("avgpool2d_bp").inputs(placeholder, rescaled).outputs(copyGradient)
                    .integers(arguments(ExplicitPooling.onCopy(g), AVERAGE_MODE)).run();
            return SpatialPadding.crop(copyGradient, g.padH(), g.padW(), inputShape.dim(2), inputShape.dim(3));
        } finally {
            Release.all(placeholder, copyGradient, factors, rescaled);
        }
    }

    private static boolean isPadded(PoolGeometry g) {
        return g.padH() > 0 || g.padW() > 0;
    }

    /** {@code [Ho, Wo]}: libnd4j's average of ones, that is each window's inside count over its divisor. */
    private static INDArray insideRatio(PoolGeometry g, long height, long width, Shape outputShape) {
        INDArray ones = Nd4j.ones(DataType.FLOAT, 1, 1, height, width);
        INDArray ratio = Nd4j.createUninitialized(DataType.FLOAT, outputShape.dim(2), outputShape.dim(3));
        NativeOp.named("avgpool2d").inputs(ones).outputs(ratio.reshape(1, 1, outputShape.dim(2), outputShape.dim(3)))
                .integers(arguments(g, AVERAGE_MODE)).run();
        Release.all(ones);
        return ratio;
    }

    private static int[] arguments(PoolGeometry g, int extraParameter) {
        return new int[] {g.kernelH(), g.kernelW(), g.strideH(), g.strideW(), g.padH(), g.padW(), 1, 1,
                VALID_MODE, extraParameter, NCHW};
    }
}
