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
    private final Buffer output = new Buffer();
    private final Buffer inputGradient = new Buffer();
    private boolean reuse;
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
    public void reuseBuffers(boolean value) {
        reuse = value;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        lastInput = input;
        Tensor out = output.target(reuse);
        return output.keep(bias == null ? backend.matmulInto(input, false, weight.value(), false, out)
                : backend.denseForwardInto(input, weight.value(), bias.value(), out), reuse);
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        backwardToParameters(outputGradient);
        return inputGradient.keep(backend.matmulInto(outputGradient, false, weight.value(), true,
                inputGradient.target(reuse)), reuse);
    }

    @Override
    public void backwardToParameters(Tensor outputGradient) {
        weight.addGradientFromTarget(backend.matmulInto(lastInput, true, outputGradient, false,
                weight.gradientTarget()));
        if (bias != null) {
            bias.addGradientFromTarget(backend.sumPerChannelInto(outputGradient, bias.gradientTarget()));
        }
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
