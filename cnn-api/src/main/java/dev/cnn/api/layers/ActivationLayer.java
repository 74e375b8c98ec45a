package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.tensor.Tensor;
import java.util.function.BiFunction;

/** A parameter-free layer applying one element-wise (or row-wise) function, keeping its input and output. */
final class ActivationLayer implements Layer {

    /** The gradient of the function, given its input, its output and the gradient of its output. */
    @FunctionalInterface
    interface Gradient {
        Tensor apply(Backend backend, Tensor input, Tensor output, Tensor outputGradient);
    }

    private final LayerConfig config;
    private final Backend backend;
    private final BiFunction<Backend, Tensor, Tensor> function;
    private final Gradient gradient;
    private Tensor lastInput;
    private Tensor lastOutput;

    ActivationLayer(LayerConfig config, Backend backend, BiFunction<Backend, Tensor, Tensor> function, Gradient gradient) {
        this.config = config;
        this.backend = backend;
        this.function = function;
        this.gradient = gradient;
    }

    @Override
    public LayerConfig config() {
        return config;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        lastInput = input;
        lastOutput = function.apply(backend, input);
        return lastOutput;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        return gradient.apply(backend, lastInput, lastOutput, outputGradient);
    }
}
