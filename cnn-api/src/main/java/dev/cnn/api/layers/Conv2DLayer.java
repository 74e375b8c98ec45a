package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.backend.ConvGradients;
import dev.cnn.api.backend.PadGeometry;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.List;
import java.util.Random;

/**
 * Runs a {@link Conv2D} on the backend's {@code conv2d} kernels. Where "same" padding is odd, the layer pads the odd
 * row and column first ({@link Backend#pad2d}) and crops them off the input gradient ({@link Backend#pad2dBackward}).
 */
final class Conv2DLayer implements FoldableConvolution {
    private final Conv2D config;
    private final Backend backend;
    private final ConvGeometry geometry;
    private final PadGeometry extra;
    private final Parameter weight;
    private final Parameter bias;
    private final Buffer output = new Buffer();
    private final Buffer inputGradient = new Buffer();
    private boolean reuse;
    private Tensor lastInput;

    Conv2DLayer(Conv2D config, Shape input, Backend backend, Random random) {
        this.config = config;
        this.backend = backend;
        this.geometry = config.geometry(input);
        this.extra = config.extraPadding(input);
        Shape filterShape = config.filterShape(input);
        int fanIn = input.dim(0) * config.kernelHeight() * config.kernelWidth();
        int fanOut = config.filters() * config.kernelHeight() * config.kernelWidth();
        float[] init = config.initializer().sample(filterShape.size(), fanIn, fanOut, random);
        this.weight = new Parameter("weight", backend.tensor(init, filterShape), true);
        this.bias = config.useBias() ? new Parameter("bias", backend.zeros(Shape.of(config.filters())), true) : null;
    }

    @Override
    public Conv2D config() {
        return config;
    }

    @Override
    public void reuseBuffers(boolean value) {
        reuse = value;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        input = padded(input);
        lastInput = input;
        return output.keep(bias == null ? backend.conv2dInto(input, weight.value(), geometry, output.target(reuse))
                : backend.conv2dWithBiasInto(input, weight.value(), bias.value(), geometry, output.target(reuse)),
                reuse);
    }

    /**
     * The forward pass with another filter and bias in place of this layer's, and a ReLU after it when {@code relu}, into
     * {@code out} where the backend can: for a batch normalisation folded into them ({@link ConvBatchNormFold}).
     */
    @Override
    public Tensor forwardWith(Tensor input, Tensor filter, Tensor foldedBias, boolean relu, Tensor out) {
        input = padded(input);
        return relu ? backend.conv2dWithBiasReluInto(input, filter, foldedBias, geometry, out)
                : backend.conv2dWithBiasInto(input, filter, foldedBias, geometry, out);
    }

    Parameter weight() {
        return weight;
    }

    @Override
    public Parameter foldedWeight() {
        return weight;
    }

    /** The bias, or null when the layer has none. */
    @Override
    public Parameter bias() {
        return bias;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        ConvGradients gradients = backend.conv2dBackwardInto(lastInput, weight.value(), outputGradient, geometry,
                inputGradient.target(reuse), weight.gradientTarget());
        weight.addGradientFromTarget(gradients.filter());
        setBiasGradient(outputGradient);
        Tensor dx = inputGradient.keep(gradients.input(), reuse);
        return extra == null ? dx : backend.pad2dBackward(dx, extra);
    }

    /** {@code input} with the odd row and column of "same" padding added, or itself where there are none. */
    private Tensor padded(Tensor input) {
        return extra == null ? input : backend.pad2d(input, extra, 0f);
    }

    @Override
    public void backwardToParameters(Tensor outputGradient) {
        weight.addGradientFromTarget(backend.conv2dBackwardFilterInto(lastInput, outputGradient, geometry,
                weight.shape(), weight.gradientTarget()));
        setBiasGradient(outputGradient);
    }

    private void setBiasGradient(Tensor outputGradient) {
        if (bias != null) {
            bias.addGradientFromTarget(backend.sumPerChannelInto(outputGradient, bias.gradientTarget()));
        }
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
