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
    public Tensor forward(Tensor input, boolean training) {
        lastInput = input;
        return max ? backend.maxPool2d(input, geometry) : backend.avgPool2d(input, geometry);
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        return max
                ? backend.maxPool2dBackward(lastInput, outputGradient, geometry)
                : backend.avgPool2dBackward(outputGradient, geometry, lastInput.shape());
    }
}
