package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.tensor.Tensor;

/**
 * A parameter-free layer applying one element-wise (or row-wise) function, keeping its input and output. While reuse
 * is on, the output and the input gradient are written into buffers kept from the last call.
 */
final class ActivationLayer implements Layer {

    /** The function of the input, written into {@code out} where the kernel can (see {@link Buffer}). */
    @FunctionalInterface
    interface Function {
        Tensor apply(Backend backend, Tensor input, Tensor out);
    }

    /** The gradient of the function, given its input, its output and the gradient of its output. */
    @FunctionalInterface
    interface Gradient {
        Tensor apply(Backend backend, Tensor input, Tensor output, Tensor outputGradient, Tensor out);
    }

    private final LayerConfig config;
    private final Backend backend;
    private final Function function;
    private final Gradient gradient;
    private final Buffer output = new Buffer();
    private final Buffer inputGradient = new Buffer();
    private boolean reuse;
    private Tensor lastInput;
    private Tensor lastOutput;

    ActivationLayer(LayerConfig config, Backend backend, Function function, Gradient gradient) {
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
    public void reuseBuffers(boolean value) {
        reuse = value;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        lastInput = input;
        lastOutput = output.keep(function.apply(backend, input, output.target(reuse)), reuse);
        return lastOutput;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        return inputGradient.keep(gradient.apply(backend, lastInput, lastOutput, outputGradient,
                inputGradient.target(reuse)), reuse);
    }
}
