package dev.cnn.backend.nd4j;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The ND4J backend's depthwise convolution kernels, on libnd4j's depthwise ops ({@link Depthwise}), written into the
 * given tensor where it can. Each backward kernel runs {@code depthwise_conv2d_bp}, which computes both gradients;
 * the one not asked for goes to scratch memory. libnd4j's oneDNN depthwise kernels fail on dilated kernels (probed: 124
 * of 405 small dilated cases, every one with a dilation over 1 on an axis with 2 or more taps) and its own kernels on
 * degenerate shapes, so dilated kernels run as the equivalent full convolution ({@link DepthwiseAsFull}): exact, and
 * C times the work, for a case no preset has.
 */
abstract sealed class Nd4jDepthwiseKernels extends Nd4jPerChannelKernels permits Nd4jBackend {

    @Override
    public Tensor depthwiseConv2d(Tensor input, Tensor filter, ConvGeometry geometry) {
        return depthwiseConv2dInto(input, filter, geometry, null);
    }

    @Override
    public Tensor depthwiseConv2dInto(Tensor input, Tensor filter, ConvGeometry geometry, Tensor out) {
        Shape outputShape = geometry.depthwiseOutputShape(input.shape(), filter.shape());
        if (dilated(filter.shape(), geometry)) {
            return conv2dInto(input, full(filter), geometry, out);
        }
        INDArray target = target(out, outputShape, input, filter);
        return result(out, target, Depthwise.forward(array(input), array(filter), geometry, outputShape, target));
    }

    @Override
    public Tensor depthwiseConv2dBackwardData(Tensor outputGradient, Tensor filter, ConvGeometry geometry,
                                              Shape inputShape) {
        return depthwiseConv2dBackwardDataInto(outputGradient, filter, geometry, inputShape, null);
    }

    @Override
    public Tensor depthwiseConv2dBackwardDataInto(Tensor outputGradient, Tensor filter, ConvGeometry geometry,
                                                  Shape inputShape, Tensor out) {
        Nd4jBackend.requireOutputGradient("depthwiseConv2dBackwardData",
                geometry.depthwiseOutputShape(inputShape, filter.shape()), outputGradient);
        if (dilated(filter.shape(), geometry)) {
            return conv2dBackwardData(outputGradient, full(filter), geometry,
                    inputShape);
        }
        INDArray target = target(out, inputShape, outputGradient, filter);
        INDArray inputGradient = target != null ? target : newArray(inputShape);
        return result(out, target, Depthwise.backwardData(array(outputGradient), array(filter), geometry,
                inputGradient));
    }

    @Override
    public Tensor depthwiseConv2dBackwardFilter(Tensor input, Tensor outputGradient, ConvGeometry geometry,
                                                Shape filterShape) {
        Nd4jBackend.requireOutputGradient("depthwiseConv2dBackwardFilter",
                geometry.depthwiseOutputShape(input.shape(), filterShape), outputGradient);
        if (dilated(filterShape, geometry)) {
            Tensor fullGradient = conv2dBackwardFilter(input, outputGradient, geometry,
                    DepthwiseAsFull.fullShape(filterShape));
            return tensor(DepthwiseAsFull.gather(fullGradient.toArray(), filterShape), filterShape);
        }
        return wrap(Depthwise.backwardFilter(array(input), array(outputGradient), geometry, newArray(filterShape)));
    }

    private static boolean dilated(Shape filter, ConvGeometry g) {
        return filter.dim(2) > 1 && g.dilationH() > 1 || filter.dim(3) > 1 && g.dilationW() > 1;
    }

    private Tensor full(Tensor filter) {
        return tensor(DepthwiseAsFull.expand(filter.toArray(), filter.shape()),
                DepthwiseAsFull.fullShape(filter.shape()));
    }

    private static INDArray newArray(Shape shape) {
        return org.nd4j.linalg.factory.Nd4j.createUninitialized(org.nd4j.linalg.api.buffer.DataType.FLOAT,
                Dims.of(shape));
    }
}
