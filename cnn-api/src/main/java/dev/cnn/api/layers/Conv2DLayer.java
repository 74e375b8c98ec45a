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

final class Conv2DLayer implements Layer {
    private final Conv2D config;
    private final Backend backend;
    private final ConvGeometry geometry;
    private final Parameter weight;
    private final Parameter bias;
    private Tensor lastInput;

    Conv2DLayer(Conv2D config, Shape input, Backend backend, Random random) {
        this.config = config;
        this.backend = backend;
        this.geometry = config.geometry();
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
    public Tensor forward(Tensor input, boolean training) {
        lastInput = input;
        return bias == null ? backend.conv2d(input, weight.value(), geometry)
                : backend.conv2dWithBias(input, weight.value(), bias.value(), geometry);
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        ConvGradients gradients = backend.conv2dBackward(lastInput, weight.value(), outputGradient, geometry);
        weight.addGradient(gradients.filter());
        setBiasGradient(outputGradient);
        return gradients.input();
    }

    @Override
    public void backwardToParameters(Tensor outputGradient) {
        weight.addGradient(backend.conv2dBackwardFilter(lastInput, outputGradient, geometry, weight.shape()));
        setBiasGradient(outputGradient);
    }

    private void setBiasGradient(Tensor outputGradient) {
        if (bias != null) {
            bias.addGradient(backend.sumPerChannel(outputGradient));
        }
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
