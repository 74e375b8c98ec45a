package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.backend.ConvGradients;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.List;
import java.util.Random;

/** Depthwise then pointwise, with parameters {@code depthwise_weight}, {@code pointwise_weight} and {@code bias}. */
final class SeparableConv2DLayer implements FoldableConvolution {
    private static final ConvGeometry POINTWISE = new ConvGeometry(1, 1, 0, 0);

    private final SeparableConv2D config;
    private final Backend backend;
    private final ConvGeometry geometry;
    private final Parameter depthwiseWeight;
    private final Parameter pointwiseWeight;
    private final Parameter bias;
    private Tensor lastInput;
    private Tensor lastDepthwise;
    private final Buffer output = new Buffer();
    private final Buffer middleGradient = new Buffer();
    private final Buffer depthwiseOutput = new Buffer();
    private final Buffer inputGradient = new Buffer();
    private boolean reuse;

    SeparableConv2DLayer(SeparableConv2D config, Shape input, Backend backend, Random random) {
        this.config = config;
        this.backend = backend;
        DepthwiseConv2D depthwise = config.depthwise();
        this.geometry = depthwise.geometry();
        Shape depthwiseShape = depthwise.filterShape(input);
        int taps = depthwise.kernelHeight() * depthwise.kernelWidth();
        this.depthwiseWeight = new Parameter("depthwise_weight", backend.tensor(depthwise.initializer()
                .sample(depthwiseShape.size(), taps, depthwise.depthMultiplier() * taps, random), depthwiseShape), true);
        int middle = input.dim(0) * depthwise.depthMultiplier();
        Shape pointwiseShape = Shape.of(config.filters(), middle, 1, 1);
        this.pointwiseWeight = new Parameter("pointwise_weight", backend.tensor(depthwise.initializer()
                .sample(pointwiseShape.size(), middle, config.filters(), random), pointwiseShape), true);
        this.bias = config.useBias() ? new Parameter("bias", backend.zeros(Shape.of(config.filters())), true) : null;
    }

    @Override
    public void reuseBuffers(boolean value) {
        reuse = value;
    }

    @Override
    public SeparableConv2D config() {
        return config;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        lastInput = input;
        lastDepthwise = depthwiseOutput.keep(backend.depthwiseConv2dInto(input, depthwiseWeight.value(), geometry,
                depthwiseOutput.target(reuse)), reuse);
        return output.keep(bias == null
                ? backend.conv2dInto(lastDepthwise, pointwiseWeight.value(), POINTWISE, output.target(reuse))
                : backend.conv2dWithBiasInto(lastDepthwise, pointwiseWeight.value(), bias.value(), POINTWISE,
                        output.target(reuse)), reuse);
    }

    @Override
    public Parameter foldedWeight() {
        return pointwiseWeight;
    }

    @Override
    public Parameter bias() {
        return bias;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    /** The depthwise step, then the pointwise one with {@code filter} and {@code foldedBias}: for inference only. */
    @Override
    public Tensor forwardWith(Tensor input, Tensor filter, Tensor foldedBias, boolean relu, Tensor out) {
        lastInput = input;
        lastDepthwise = depthwiseOutput.keep(backend.depthwiseConv2dInto(input, depthwiseWeight.value(), geometry,
                depthwiseOutput.target(reuse)), reuse);
        return relu ? backend.conv2dWithBiasReluInto(lastDepthwise, filter, foldedBias, POINTWISE, out)
                : backend.conv2dWithBiasInto(lastDepthwise, filter, foldedBias, POINTWISE, out);
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        Tensor middle = backwardToMiddle(outputGradient);
        return inputGradient.keep(backend.depthwiseConv2dBackwardDataInto(middle, depthwiseWeight.value(), geometry,
                lastInput.shape(), inputGradient.target(reuse)), reuse);
    }

    @Override
    public void backwardToParameters(Tensor outputGradient) {
        backwardToMiddle(outputGradient);
    }

    /** Fills every parameter gradient and returns the gradient with respect to the depthwise output. */
    private Tensor backwardToMiddle(Tensor outputGradient) {
        if (bias != null) {
            bias.addGradient(backend.sumPerChannel(outputGradient));
        }
        ConvGradients pointwise = backend.conv2dBackwardInto(lastDepthwise, pointwiseWeight.value(), outputGradient,
                POINTWISE, middleGradient.target(reuse), pointwiseWeight.gradientTarget());
        middleGradient.keep(pointwise.input(), reuse);
        pointwiseWeight.addGradientFromTarget(pointwise.filter());
        depthwiseWeight.addGradient(backend.depthwiseConv2dBackwardFilter(lastInput, pointwise.input(), geometry,
                depthwiseWeight.shape()));
        return pointwise.input();
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(depthwiseWeight, pointwiseWeight) : List.of(depthwiseWeight, pointwiseWeight, bias);
    }
}
