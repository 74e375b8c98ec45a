package dev.cnn.backend.cpu;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.backend.ConvGradients;
import dev.cnn.api.backend.PadGeometry;
import dev.cnn.api.backend.PoolGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;

/**
 * The spatial kernels of {@link CpuBackend}: convolution (full and depthwise), pooling and padding, forward and backward,
 * checking the arguments and handing the arrays to {@link Conv2dKernels}, {@link DepthwiseKernels} and
 * {@link PoolKernels}. Split from {@link CpuBackend} only to keep each file short.
 */
abstract sealed class CpuSpatialKernels implements Backend permits CpuBackend {

    private CpuBackend self() {
        return (CpuBackend) this;
    }

    private Tensor wrap(float[] data, Shape shape) {
        return new CpuTensor(data, shape, self());
    }

    // ---- convolution ----

    @Override
    public Tensor conv2d(Tensor input, Tensor filter, ConvGeometry geometry) {
        return conv2dInto(input, filter, geometry, null);
    }

    @Override
    public Tensor conv2dInto(Tensor input, Tensor filter, ConvGeometry geometry, Tensor out) {
        ConvDims d = ConvDims.of(Arguments.cpu(input).shape(), Arguments.cpu(filter).shape(), geometry);
        Shape shape = geometry.outputShape(input.shape(), filter.shape());
        float[] y = Outputs.array(out, shape, Arguments.data(input), Arguments.data(filter));
        Conv2dKernels.forward(Arguments.data(input), Arguments.data(filter), null, d, y);
        return Outputs.result(out, y, shape, self());
    }

    @Override
    public Tensor conv2dWithBias(Tensor input, Tensor filter, Tensor bias, ConvGeometry geometry) {
        return conv2dWithBiasInto(input, filter, bias, geometry, null);
    }

    @Override
    public Tensor conv2dWithBiasInto(Tensor input, Tensor filter, Tensor bias, ConvGeometry geometry, Tensor out) {
        ConvDims d = ConvDims.of(Arguments.cpu(input).shape(), Arguments.cpu(filter).shape(), geometry);
        Arguments.biasVector("conv2dWithBias", bias, d.outputs());
        Shape shape = geometry.outputShape(input.shape(), filter.shape());
        float[] y = Outputs.array(out, shape, Arguments.data(input), Arguments.data(filter), Arguments.data(bias));
        Conv2dKernels.forward(Arguments.data(input), Arguments.data(filter), Arguments.data(bias), d, y);
        return Outputs.result(out, y, shape, self());
    }

    @Override
    public Tensor conv2dWithBiasReluInto(Tensor input, Tensor filter, Tensor bias, ConvGeometry geometry, Tensor out) {
        ConvDims d = ConvDims.of(Arguments.cpu(input).shape(), Arguments.cpu(filter).shape(), geometry);
        Arguments.biasVector("conv2dWithBiasRelu", bias, d.outputs());
        Shape shape = geometry.outputShape(input.shape(), filter.shape());
        float[] y = Outputs.array(out, shape, Arguments.data(input), Arguments.data(filter), Arguments.data(bias));
        Conv2dKernels.forward(Arguments.data(input), Arguments.data(filter), Arguments.data(bias), d, y, true);
        return Outputs.result(out, y, shape, self());
    }

    @Override
    public Tensor conv2dBackwardData(Tensor outputGradient, Tensor filter, ConvGeometry geometry, Shape inputShape) {
        ConvDims d = ConvDims.of(inputShape, Arguments.cpu(filter).shape(), geometry);
        requireOutputGradient(outputGradient, geometry.outputShape(inputShape, filter.shape()));
        return wrap(Conv2dKernels.backwardData(Arguments.data(outputGradient), Arguments.data(filter), d,
                new float[inputShape.size()]), inputShape);
    }

    @Override
    public ConvGradients conv2dBackwardInto(Tensor input, Tensor filter, Tensor outputGradient, ConvGeometry geometry,
                                            Tensor inputOut, Tensor filterOut) {
        ConvDims d = ConvDims.of(Arguments.cpu(input).shape(), Arguments.cpu(filter).shape(), geometry);
        requireOutputGradient(outputGradient, geometry.outputShape(input.shape(), filter.shape()));
        float[] dx = Outputs.zeroed(inputOut, input.shape(), Arguments.data(outputGradient), Arguments.data(filter));
        Conv2dKernels.backwardData(Arguments.data(outputGradient), Arguments.data(filter), d, dx);
        return new ConvGradients(Outputs.result(inputOut, dx, input.shape(), self()),
                conv2dBackwardFilterInto(input, outputGradient, geometry, filter.shape(), filterOut));
    }

    @Override
    public Tensor conv2dBackwardFilter(Tensor input, Tensor outputGradient, ConvGeometry geometry, Shape filterShape) {
        return conv2dBackwardFilterInto(input, outputGradient, geometry, filterShape, null);
    }

    @Override
    public Tensor conv2dBackwardFilterInto(Tensor input, Tensor outputGradient, ConvGeometry geometry,
                                           Shape filterShape, Tensor out) {
        ConvDims d = ConvDims.of(Arguments.cpu(input).shape(), filterShape, geometry);
        requireOutputGradient(outputGradient, geometry.outputShape(input.shape(), filterShape));
        float[] df = Outputs.array(out, filterShape, Arguments.data(input), Arguments.data(outputGradient));
        Conv2dKernels.backwardFilter(Arguments.data(input), Arguments.data(outputGradient), d, df);
        return Outputs.result(out, df, filterShape, self());
    }

    // ---- depthwise convolution ----

    @Override
    public Tensor depthwiseConv2d(Tensor input, Tensor filter, ConvGeometry geometry) {
        return depthwiseConv2dInto(input, filter, geometry, null);
    }

    @Override
    public Tensor depthwiseConv2dInto(Tensor input, Tensor filter, ConvGeometry geometry, Tensor out) {
        var d = DepthwiseKernels.Dims.of(Arguments.cpu(input).shape(), Arguments.cpu(filter).shape(), geometry);
        Shape shape = geometry.depthwiseOutputShape(input.shape(), filter.shape());
        float[] y = DepthwiseKernels.outputArray(out, shape, d, Arguments.data(input), Arguments.data(filter));
        DepthwiseKernels.forward(Arguments.data(input), Arguments.data(filter), d, y);
        return Outputs.result(out, y, shape, self());
    }

    @Override
    public Tensor depthwiseConv2dBackwardData(Tensor outputGradient, Tensor filter, ConvGeometry geometry,
                                              Shape inputShape) {
        return depthwiseConv2dBackwardDataInto(outputGradient, filter, geometry, inputShape, null);
    }

    @Override
    public Tensor depthwiseConv2dBackwardDataInto(Tensor outputGradient, Tensor filter, ConvGeometry geometry,
                                                  Shape inputShape, Tensor out) {
        var d = DepthwiseKernels.Dims.of(inputShape, Arguments.cpu(filter).shape(), geometry);
        requireOutputGradient(outputGradient, geometry.depthwiseOutputShape(inputShape, filter.shape()));
        float[] dx = DepthwiseKernels.outputArray(out, inputShape, d, Arguments.data(outputGradient),
                Arguments.data(filter));
        DepthwiseKernels.backwardData(Arguments.data(outputGradient), Arguments.data(filter), d, dx);
        return Outputs.result(out, dx, inputShape, self());
    }

    @Override
    public Tensor depthwiseConv2dBackwardFilter(Tensor input, Tensor outputGradient, ConvGeometry geometry,
                                                Shape filterShape) {
        var d = DepthwiseKernels.Dims.of(Arguments.cpu(input).shape(), filterShape, geometry);
        requireOutputGradient(outputGradient, geometry.depthwiseOutputShape(input.shape(), filterShape));
        return wrap(DepthwiseKernels.backwardFilter(Arguments.data(input), Arguments.data(outputGradient), d),
                filterShape);
    }

    private static void requireOutputGradient(Tensor outputGradient, Shape expected) {
        if (!Arguments.cpu(outputGradient).shape().equals(expected)) {
            throw new IllegalArgumentException("output gradient has shape " + outputGradient.shape()
                    + " but the forward output has shape " + expected);
        }
    }

    // ---- pooling ----

    private static PoolKernels.Dims poolDims(Shape input, PoolGeometry g) {
        Shape out = g.outputShape(input);
        return new PoolKernels.Dims(input.dim(0) * input.dim(1), input.dim(2), input.dim(3), out.dim(2), out.dim(3), g);
    }

    private static void requirePoolGradient(Tensor outputGradient, Shape input, PoolGeometry g) {
        Shape expected = g.outputShape(input);
        if (!Arguments.cpu(outputGradient).shape().equals(expected)) {
            throw new IllegalArgumentException("pooling output gradient has shape " + outputGradient.shape()
                    + " but the pooled output of " + input + " has shape " + expected);
        }
    }

    @Override
    public Tensor maxPool2d(Tensor input, PoolGeometry geometry) {
        return maxPool2dInto(input, geometry, null);
    }

    @Override
    public Tensor maxPool2dInto(Tensor input, PoolGeometry geometry, Tensor out) {
        Shape s = Arguments.cpu(input).shape();
        Shape shape = geometry.outputShape(s);
        float[] y = Outputs.array(out, shape, Arguments.data(input));
        PoolKernels.maxForward(Arguments.data(input), poolDims(s, geometry), y);
        return Outputs.result(out, y, shape, self());
    }

    @Override
    public Tensor maxPool2dBackward(Tensor input, Tensor outputGradient, PoolGeometry geometry) {
        return maxPool2dBackwardInto(input, outputGradient, geometry, null);
    }

    @Override
    public Tensor maxPool2dBackwardInto(Tensor input, Tensor outputGradient, PoolGeometry geometry, Tensor out) {
        Shape s = Arguments.cpu(input).shape();
        requirePoolGradient(outputGradient, s, geometry);
        float[] dx = Outputs.array(out, s, Arguments.data(input), Arguments.data(outputGradient));
        PoolKernels.maxBackward(Arguments.data(input), Arguments.data(outputGradient), poolDims(s, geometry), dx);
        return Outputs.result(out, dx, s, self());
    }

    @Override
    public Tensor maxPool2dBackwardAfterReluInto(Tensor reluOutput, Tensor outputGradient, PoolGeometry geometry,
                                                 Tensor out) {
        Shape s = Arguments.cpu(reluOutput).shape();
        requirePoolGradient(outputGradient, s, geometry);
        float[] dx = Outputs.array(out, s, Arguments.data(reluOutput), Arguments.data(outputGradient));
        PoolKernels.maxBackwardAfterRelu(Arguments.data(reluOutput), Arguments.data(outputGradient),
                poolDims(s, geometry), dx);
        return Outputs.result(out, dx, s, self());
    }

    @Override
    public Tensor avgPool2d(Tensor input, PoolGeometry geometry) {
        Shape s = Arguments.cpu(input).shape();
        return wrap(PoolKernels.averageForward(Arguments.data(input), poolDims(s, geometry)), geometry.outputShape(s));
    }

    @Override
    public Tensor avgPool2dBackward(Tensor outputGradient, PoolGeometry geometry, Shape inputShape) {
        requirePoolGradient(outputGradient, inputShape, geometry);
        return wrap(PoolKernels.averageBackward(Arguments.data(outputGradient), poolDims(inputShape, geometry)), inputShape);
    }

    // ---- padding ----

    @Override
    public Tensor pad2d(Tensor x, PadGeometry pads, float value) {
        Shape s = Arguments.cpu(x).shape();
        Shape shape = pads.outputShape(s);
        return wrap(PadKernels.pad(Arguments.data(x), s.dim(0) * s.dim(1), s.dim(2), s.dim(3), pads, value,
                new float[shape.size()]), shape);
    }

    @Override
    public Tensor pad2dBackward(Tensor outputGradient, PadGeometry pads) {
        Shape input = pads.inputShape(Arguments.cpu(outputGradient).shape());
        return wrap(PadKernels.crop(Arguments.data(outputGradient), input.dim(0) * input.dim(1), input.dim(2),
                input.dim(3), pads, new float[input.size()]), input);
    }
}
