package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.List;
import java.util.Random;

final class DepthwiseConv2DLayer implements Layer {
    private final DepthwiseConv2D config;
    private final Backend backend;
    private final ConvGeometry geometry;
    private final Parameter weight;
    private final Parameter bias;
    private Tensor lastInput;
    private final Buffer output = new Buffer();
    private final Buffer inputGradient = new Buffer();
    private boolean reuse;

    DepthwiseConv2DLayer(DepthwiseConv2D config, Shape input, Backend backend, Random random) {
        this.config = config;
        this.backend = backend;
        this.geometry = config.geometry();
        Shape filterShape = config.filterShape(input);
        int taps = config.kernelHeight() * config.kernelWidth();
        float[] init = config.initializer().sample(filterShape.size(), taps, config.depthMultiplier() * taps, random);
        this.weight = new Parameter("weight", backend.tensor(init, filterShape), true);
        int outputs = input.dim(0) * config.depthMultiplier();
        this.bias = config.useBias() ? new Parameter("bias", backend.zeros(Shape.of(outputs)), true) : null;
    }

    @Override
    public DepthwiseConv2D config() {
        return config;
    }

    @Override
    public void reuseBuffers(boolean value) {
        reuse = value;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        lastInput = input;
        if (bias != null) {
            return backend.addPerChannel(backend.depthwiseConv2d(input, weight.value(), geometry), bias.value());
        }
        return output.keep(backend.depthwiseConv2dInto(input, weight.value(), geometry, output.target(reuse)), reuse);
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        backwardToParameters(outputGradient);
        return inputGradient.keep(backend.depthwiseConv2dBackwardDataInto(outputGradient, weight.value(), geometry,
                lastInput.shape(), inputGradient.target(reuse)), reuse);
    }

    @Override
    public void backwardToParameters(Tensor outputGradient) {
        weight.addGradient(backend.depthwiseConv2dBackwardFilter(lastInput, outputGradient, geometry, weight.shape()));
        if (bias != null) {
            bias.addGradient(backend.sumPerChannel(outputGradient));
        }
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
