package dev.cnn.api.network;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerTypes;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A network whose layers run one after another. Build one with {@link #builder()}. */
public final class Sequential implements Network {
    private final NetworkConfig config;
    private final Backend backend;
    private final List<Layer> layers;
    private final Map<String, Parameter> parameters;

    private Sequential(NetworkConfig config, Backend backend, long seed) {
        this.config = config;
        this.backend = backend;
        Random seeds = new Random(seed);
        List<Layer> built = new ArrayList<>();
        Map<String, Parameter> named = new LinkedHashMap<>();
        Shape shape = config.inputShape();
        for (int i = 0; i < config.layers().size(); i++) {
            LayerConfig layerConfig = config.layers().get(i);
            Layer layer = layerConfig.build(shape, backend, new Random(seeds.nextLong()));
            String prefix = i + "." + LayerTypes.idOf(layerConfig) + ".";
            for (Parameter p : layer.parameters()) {
                named.put(prefix + p.name(), p);
            }
            built.add(layer);
            shape = layerConfig.outputShape(shape);
        }
        this.layers = List.copyOf(built);
        this.parameters = Collections.unmodifiableMap(named);
    }

    /** Builds the network that {@code config} describes on {@code backend}, initialising weights from {@code seed}. */
    public static Sequential of(NetworkConfig config, Backend backend, long seed) {
        return new Sequential(config, backend, seed);
    }

    /** Starts a builder; set the input shape, add layers, then build on a backend. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public NetworkConfig config() {
        return config;
    }

    /** The runtime layers, first to last. */
    public List<Layer> layers() {
        return layers;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        Shape expected = config.inputShape();
        if (input.shape().rank() != expected.rank() + 1 || !input.shape().withoutBatch().equals(expected)) {
            throw new ShapeMismatchException("network expects a batch of inputs of shape [N, "
                    + expected.toString().substring(1) + ", got " + input.shape());
        }
        Tensor x = input;
        for (Layer layer : layers) {
            x = layer.forward(x, training);
        }
        return x;
    }

    /** Runs the input through the first {@code count} layers in inference mode and returns each of their outputs. */
    public List<Tensor> activations(Tensor input, int count) {
        List<Tensor> outputs = new ArrayList<>();
        Tensor x = input;
        for (int i = 0; i < Math.min(count, layers.size()); i++) {
            x = layers.get(i).forward(x, false);
            outputs.add(x);
        }
        return outputs;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        Tensor g = outputGradient;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g);
        }
        return g;
    }

    @Override
    public void backwardToParameters(Tensor outputGradient) {
        Tensor g = outputGradient;
        for (int i = layers.size() - 1; i > 0; i--) {
            g = layers.get(i).backward(g);
        }
        layers.get(0).backwardToParameters(g);
    }

    @Override
    public Map<String, Parameter> parameters() {
        return parameters;
    }

    @Override
    public String summary() {
        return Summary.of(this);
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
