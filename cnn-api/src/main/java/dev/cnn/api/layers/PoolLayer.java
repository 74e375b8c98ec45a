package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.PoolGeometry;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.tensor.Tensor;

final class PoolLayer implements Layer {
    private final LayerConfig config;
    private final PoolGeometry geometry;
    private final boolean max;
    private final Backend backend;
    private final Buffer output = new Buffer();
    private final Buffer inputGradient = new Buffer();
    private boolean reuse;
    private Tensor lastInput;

    PoolLayer(LayerConfig config, PoolGeometry geometry, boolean max, Backend backend) {
        this.config = config;
        this.geometry = geometry;
        this.max = max;
        this.backend = backend;
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
        return max ? output.keep(backend.maxPool2dInto(input, geometry, output.target(reuse)), reuse)
                : backend.avgPool2d(input, geometry);
    }

    /** Whether this is max pooling (average pooling otherwise). */
    boolean isMax() {
        return max;
    }

    PoolGeometry geometry() {
        return geometry;
    }

    Backend backend() {
        return backend;
    }

    /** The input of the last forward pass. */
    Tensor lastInput() {
        return lastInput;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        return max
                ? inputGradient.keep(backend.maxPool2dBackwardInto(lastInput, outputGradient, geometry,
                        inputGradient.target(reuse)), reuse)
                : backend.avgPool2dBackward(outputGradient, geometry, lastInput.shape());
    }
}
