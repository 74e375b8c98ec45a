package dev.cnn.backend.nd4j;

import dev.cnn.api.backend.ChannelShapes;
import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.backend.ConvGradients;
import dev.cnn.api.backend.PadGeometry;
import dev.cnn.api.backend.PoolGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J backend: every kernel runs as native libnd4j operations (BLAS, oneDNN where the natives
 * carry it) on off-heap float32 arrays. It accepts only {@link Nd4jTensor}s; move tensors of
 * other backends in through {@link #tensor(float[], Shape)}.
 */
public final class Nd4jBackend extends Nd4jDepthwiseKernels {

    /** The name users select this backend by. */
    public static final String NAME = "nd4j";

    /** A backend on ND4J's natives, with {@code cnn.nd4j.threads} native threads (default 1). */
    public Nd4jBackend() {
        NativeThreads.applyConfiguredCount();
    }

    @Override
    public String name() {
        return NAME;
    }

    // ---- making and moving tensors ----

    @Override
    public Tensor tensor(float[] data, Shape shape) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("shape " + shape + " needs " + shape.size()
                    + " values, got " + data.length);
        }
        return wrap(Nd4j.create(data, Dims.of(shape), 'c'));
    }

    @Override
    public Tensor zeros(Shape shape) {
        return wrap(Nd4j.zeros(DataType.FLOAT, Dims.of(shape)));
    }

    @Override
    public Tensor reshape(Tensor x, Shape shape) {
        if (x.shape().size() != shape.size()) {
            throw new IllegalArgumentException("cannot reshape " + x.shape() + " to " + shape
                    + ": sizes " + x.shape().size() + " and " + shape.size() + " differ");
        }
        return new Nd4jTensor(array(x).reshape('c', Dims.of(shape)), this);
    }

    // ---- linear algebra ----

    @Override
    public Tensor matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB) {
        return wrap(MatrixProduct.multiply(array(a), transposeA, array(b), transposeB));
    }

    // ---- per-channel operations ----

    @Override
    public Tensor addPerChannel(Tensor x, Tensor bias) {
        ShapeRules.requireChannelVector("addPerChannel", x.shape(), bias.shape());
        return wrap(PerChannel.add(array(x), array(bias), null));
    }

    @Override
    public Tensor scaleShiftPerChannel(Tensor x, Tensor scale, Tensor shift) {
        ShapeRules.requireChannelVector("scaleShiftPerChannel", x.shape(), scale.shape());
        ShapeRules.requireChannelVector("scaleShiftPerChannel", x.shape(), shift.shape());
        return wrap(PerChannel.scaleShift(array(x), array(scale), array(shift), null));
    }

    @Override
    public Tensor sumPerChannel(Tensor x) {
        ShapeRules.requireRank("sumPerChannel", "x", x.shape(), 2, 3, 4, 5);
        return wrap(PerChannel.sum(array(x), null));
    }

    // ---- convolution ----

    @Override
    public Tensor conv2d(Tensor input, Tensor filter, ConvGeometry geometry) {
        Shape outputShape = geometry.outputShape(input.shape(), filter.shape());
        return wrap(Convolution.forward(array(input), array(filter), geometry, outputShape, null));
    }

    /** libnd4j's {@code conv2d} takes the bias as its third input and adds it in the same op. */
    @Override
    public Tensor conv2dWithBias(Tensor input, Tensor filter, Tensor bias, ConvGeometry geometry) {
        Shape outputShape = geometry.outputShape(input.shape(), filter.shape());
        if (bias.shape().rank() != 1 || bias.shape().dim(0) != filter.shape().dim(0)) {
            throw new IllegalArgumentException("conv2dWithBias needs a bias of shape [" + filter.shape().dim(0)
                    + "], got shape " + bias.shape());
        }
        return wrap(Convolution.forward(array(input), array(filter), array(bias), geometry, outputShape, null));
    }

    @Override
    public Tensor conv2dBackwardData(Tensor outputGradient, Tensor filter, ConvGeometry geometry, Shape inputShape) {
        requireOutputGradient("conv2dBackwardData", geometry.outputShape(inputShape, filter.shape()), outputGradient);
        return wrap(Convolution.backwardData(array(outputGradient), array(filter), geometry, inputShape));
    }

    @Override
    public Tensor conv2dBackwardFilter(Tensor input, Tensor outputGradient, ConvGeometry geometry, Shape filterShape) {
        requireOutputGradient("conv2dBackwardFilter", geometry.outputShape(input.shape(), filterShape), outputGradient);
        return wrap(Convolution.backwardFilter(array(input), array(outputGradient), geometry, filterShape, null));
    }

    @Override
    public ConvGradients conv2dBackward(Tensor input, Tensor filter, Tensor outputGradient, ConvGeometry geometry) {
        requireOutputGradient("conv2dBackward", geometry.outputShape(input.shape(), filter.shape()), outputGradient);
        INDArray[] both = Convolution.backwardBoth(array(input), array(filter), array(outputGradient), geometry, null,
                null);
        return new ConvGradients(wrap(both[0]), wrap(both[1]));
    }

    // ---- padding ----

    @Override
    public Tensor pad2d(Tensor x, PadGeometry pads, float value) {
        pads.outputShape(x.shape());
        return wrap(SpatialPadding.pad(array(x), pads.top(), pads.bottom(), pads.left(), pads.right(), value));
    }

    @Override
    public Tensor pad2dBackward(Tensor outputGradient, PadGeometry pads) {
        Shape input = pads.inputShape(outputGradient.shape());
        return wrap(SpatialPadding.crop(array(outputGradient), pads.top(), pads.left(), input.dim(2), input.dim(3)));
    }

    // ---- pooling ----

    @Override
    public Tensor maxPool2d(Tensor input, PoolGeometry geometry) {
        return wrap(Pooling.maxForward(array(input), geometry, geometry.outputShape(input.shape()), null));
    }

    @Override
    public Tensor maxPool2dBackward(Tensor input, Tensor outputGradient, PoolGeometry geometry) {
        requireOutputGradient("maxPool2dBackward", geometry.outputShape(input.shape()), outputGradient);
        return wrap(Pooling.maxBackward(array(input), array(outputGradient), geometry, null));
    }

    @Override
    public Tensor avgPool2d(Tensor input, PoolGeometry geometry) {
        return wrap(Pooling.averageForward(array(input), geometry, geometry.outputShape(input.shape())));
    }

    @Override
    public Tensor avgPool2dBackward(Tensor outputGradient, PoolGeometry geometry, Shape inputShape) {
        requireOutputGradient("avgPool2dBackward", geometry.outputShape(inputShape), outputGradient);
        return wrap(Pooling.averageBackward(array(outputGradient), geometry, inputShape));
    }

    // ---- activations ----

    @Override
    public Tensor relu(Tensor x) {
        return wrap(Activations.relu(array(x)));
    }

    @Override
    public Tensor reluBackward(Tensor x, Tensor outputGradient) {
        ShapeRules.requireSame("reluBackward", x.shape(), outputGradient.shape());
        return wrap(Activations.reluBackward(array(x), array(outputGradient)));
    }

    @Override
    public Tensor leakyRelu(Tensor x, float alpha) {
        return wrap(Activations.leakyRelu(array(x), alpha));
    }

    @Override
    public Tensor leakyReluBackward(Tensor x, Tensor outputGradient, float alpha) {
        ShapeRules.requireSame("leakyReluBackward", x.shape(), outputGradient.shape());
        return wrap(Activations.leakyReluBackward(array(x), array(outputGradient), alpha));
    }

    @Override
    public Tensor sigmoid(Tensor x) {
        return wrap(Activations.sigmoid(array(x)));
    }

    @Override
    public Tensor sigmoidBackward(Tensor output, Tensor outputGradient) {
        ShapeRules.requireSame("sigmoidBackward", output.shape(), outputGradient.shape());
        return wrap(Activations.sigmoidBackward(array(output), array(outputGradient)));
    }

    @Override
    public Tensor tanh(Tensor x) {
        return wrap(Activations.tanh(array(x)));
    }

    @Override
    public Tensor tanhBackward(Tensor output, Tensor outputGradient) {
        ShapeRules.requireSame("tanhBackward", output.shape(), outputGradient.shape());
        return wrap(Activations.tanhBackward(array(output), array(outputGradient)));
    }

    @Override
    public Tensor softplus(Tensor x) {
        return wrap(Activations.softplus(array(x)));
    }

    @Override
    public Tensor softmax(Tensor x) {
        ShapeRules.requireRank("softmax", "x", x.shape(), 2);
        return wrap(Softmax.forward(array(x)));
    }

    @Override
    public Tensor softmaxBackward(Tensor output, Tensor outputGradient) {
        ShapeRules.requireRank("softmaxBackward", "output", output.shape(), 2);
        ShapeRules.requireSame("softmaxBackward", output.shape(), outputGradient.shape());
        return wrap(Softmax.backward(array(output), array(outputGradient)));
    }

    @Override
    public Tensor logSoftmax(Tensor x) {
        ShapeRules.requireRank("logSoftmax", "x", x.shape(), 2);
        return wrap(Softmax.log(array(x)));
    }

    // ---- the channel axis ----

    @Override
    public Tensor concatChannels(List<Tensor> parts) {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("concatChannels needs at least one tensor");
        }
        List<Shape> shapes = new ArrayList<>(parts.size());
        INDArray[] arrays = new INDArray[parts.size()];
        for (int p = 0; p < arrays.length; p++) {
            arrays[p] = array(parts.get(p));
            shapes.add(parts.get(p).shape());
        }
        ChannelShapes.concat(shapes);
        return wrap(ChannelAxis.concat(arrays));
    }

    @Override
    public Tensor sliceChannels(Tensor x, int from, int count) {
        ChannelShapes.slice(x.shape(), from, count);
        return wrap(ChannelAxis.slice(array(x), from, count));
    }

    // ---- element-wise arithmetic and reductions ----

    @Override
    public Tensor add(Tensor a, Tensor b) {
        ShapeRules.requireSame("add", a.shape(), b.shape());
        return wrap(array(a).add(array(b)));
    }

    @Override
    public Tensor subtract(Tensor a, Tensor b) {
        ShapeRules.requireSame("subtract", a.shape(), b.shape());
        return wrap(array(a).sub(array(b)));
    }

    @Override
    public Tensor multiply(Tensor a, Tensor b) {
        ShapeRules.requireSame("multiply", a.shape(), b.shape());
        return wrap(array(a).mul(array(b)));
    }

    @Override
    public Tensor scale(Tensor x, float factor) {
        return wrap(array(x).mul(factor));
    }

    @Override
    public double sum(Tensor x) {
        INDArray wide = array(x).castTo(DataType.DOUBLE);
        try {
            return wide.sumNumber().doubleValue();
        } finally {
            Release.all(wide);
        }
    }

    // ---- optimizer updates ----

    @Override
    public void sgdUpdateInPlace(Tensor param, Tensor grad, Tensor velocity,
                                 float learningRate, float momentum, boolean nesterov, float weightDecay) {
        requireSameShapes("sgdUpdateInPlace", param, grad, velocity);
        OptimizerUpdates.sgd(array(param), array(grad), array(velocity), learningRate, momentum, nesterov, weightDecay);
    }

    @Override
    public void adamUpdateInPlace(Tensor param, Tensor grad, Tensor m, Tensor v, float learningRate,
                                  float beta1, float beta2, float epsilon, int step, float l2, float decoupledDecay) {
        requireSameShapes("adamUpdateInPlace", param, grad, m, v);
        if (step < 1) {
            throw new IllegalArgumentException("adam step numbers start at 1, got " + step);
        }
        OptimizerUpdates.adam(array(param), array(grad), array(m), array(v), learningRate,
                beta1, beta2, epsilon, step, l2, decoupledDecay);
    }

    @Override
    public void rmsPropUpdateInPlace(Tensor param, Tensor grad, Tensor meanSquare,
                                     float learningRate, float rho, float epsilon, float weightDecay) {
        requireSameShapes("rmsPropUpdateInPlace", param, grad, meanSquare);
        OptimizerUpdates.rmsProp(array(param), array(grad), array(meanSquare), learningRate, rho, epsilon, weightDecay);
    }

    static void requireOutputGradient(String kernel, Shape expected, Tensor outputGradient) {
        if (!expected.equals(outputGradient.shape())) {
            throw new IllegalArgumentException(kernel + " needs an output gradient of shape " + expected
                    + ", got " + outputGradient.shape());
        }
    }

    private static void requireSameShapes(String kernel, Tensor first, Tensor... others) {
        for (Tensor other : others) {
            ShapeRules.requireSame(kernel, first.shape(), other.shape());
        }
    }
}
