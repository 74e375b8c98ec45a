package dev.cnn.api.network;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A network whose layers run one after another: the chain-shaped {@link GraphNetwork}, with one input
 * ({@value NetworkConfig#INPUT}) and nodes named by type id and count ({@code conv2d_1, relu_1, ...}; see
 * {@link NetworkConfig#nodeNames()}). Build one with {@link #builder()}.
 */
public final class Sequential extends GraphNetwork {
    private final NetworkConfig config;
    private final List<String> nodeNames;

    private Sequential(NetworkConfig config, Backend backend, long seed) {
        super(config.toGraph(), backend, seed);
        this.config = config;
        this.nodeNames = config.nodeNames();
    }

    /** Builds the network that {@code config} describes on {@code backend}, initialising weights from {@code seed}. */
    public static Sequential of(NetworkConfig config, Backend backend, long seed) {
        return new Sequential(config, backend, seed);
    }

    /** Starts a builder; set the input shape, add layers, then build on a backend. */
    public static Builder builder() {
        return new Builder();
    }

    /** The architecture as a list of layers. */
    public NetworkConfig config() {
        return config;
    }

    /** The runtime layers, first to last. */
    public List<Layer> layers() {
        return nodeNames.stream().map(this::layer).toList();
    }

    /** Runs the input through the first {@code count} layers in inference mode and returns each of their outputs. */
    public List<Tensor> activations(Tensor input, int count) {
        reuseBuffers(false);
        List<Tensor> outputs = new ArrayList<>();
        Tensor x = input;
        for (int i = 0; i < Math.min(count, nodeNames.size()); i++) {
            x = layer(nodeNames.get(i)).forward(x, false);
            outputs.add(x);
        }
        return outputs;
    }

    /** Collects an input shape and layers; {@link #build} checks the shapes and makes the network. */
    public static final class Builder {
        private Shape inputShape;
        private final List<LayerConfig> layers = new ArrayList<>();
        private long seed = 42;

        private Builder() {
        }

        /** Required: the shape of one input, such as {@code 1, 28, 28}. */
        public Builder setInputShape(int... dims) {
            this.inputShape = Shape.of(dims);
            return this;
        }

        /** Required: the shape of one input. */
        public Builder setInputShape(Shape shape) {
            this.inputShape = shape;
            return this;
        }

        /** Appends layers. */
        public Builder add(LayerConfig... more) {
            layers.addAll(List.of(more));
            return this;
        }

        /** Optional: the seed the initial weights are drawn from (default 42). */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /** The architecture so far, checked. */
        public NetworkConfig config() {
            if (inputShape == null) {
                throw new IllegalStateException("set the input shape before building, for example setInputShape(1, 28, 28)");
            }
            return new NetworkConfig(inputShape, layers);
        }

        /** Checks the shapes and makes the network on {@code backend}. */
        public Sequential build(Backend backend) {
            return new Sequential(config(), backend, seed);
        }
    }
}
