package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.List;
import java.util.Random;

final class DenseLayer implements Layer {
    private final Dense config;
    private final Backend backend;
    private final Parameter weight;
    private final Parameter bias;
    private Tensor lastInput;

    DenseLayer(Dense config, int inputs, Backend backend, Random random) {
        this.config = config;
        this.backend = backend;
        float[] init = config.initializer().sample(inputs * config.units(), inputs, config.units(), random);
        this.weight = new Parameter("weight", backend.tensor(init, Shape.of(inputs, config.units())), true);
        this.bias = config.useBias() ? new Parameter("bias", backend.zeros(Shape.of(config.units())), true) : null;
    }

    @Override
    public Dense config() {
        return config;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        lastInput = input;
        return bias == null ? backend.matmul(input, false, weight.value(), false)
                : backend.denseForward(input, weight.value(), bias.value());
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        backwardToParameters(outputGradient);
        return backend.matmul(outputGradient, false, weight.value(), true);
    }

    @Override
    public void backwardToParameters(Tensor outputGradient) {
        weight.addGradient(backend.matmul(lastInput, true, outputGradient, false));
        if (bias != null) {
            bias.addGradient(backend.sumPerChannel(outputGradient));
        }
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
