package dev.cnn.api.network;

import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerTypes;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.tensor.Shape;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The architecture of a sequential network: the shape of one input image and its layers in order.
 * Serialises to JSON with each layer's type id (the architecture of model files of format version 1). As a graph
 * ({@link #toGraph()}) it is one input, {@value #INPUT}, and a chain of nodes named by type id and count:
 * {@code conv2d_1, relu_1, max_pool2d_1, conv2d_2, ...}.
 *
 * @param inputShape the shape of one input, for example {@code [1, 28, 28]}
 * @param layers     the layers, first to last
 */
public record NetworkConfig(Shape inputShape, List<LayerConfig> layers) {
    /** The name of the input of a sequential network seen as a graph. */
    public static final String INPUT = "input";

    /** Copies the layer list and checks that every layer takes the shape the one before it makes. */
    public NetworkConfig {
        Objects.requireNonNull(inputShape, "inputShape");
        if (layers == null) {
            throw new IllegalArgumentException("the layers are missing: list them, first to last");
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) == null) {
                throw new IllegalArgumentException("layers[" + i + "] is null: each layer must be a layer configuration");
            }
        }
        layers = List.copyOf(layers);
        shapes(inputShape, layers);
    }

    /** The node names of the layers, in order: the type id and how many layers of that type came before, plus one. */
    @JsonIgnore
    public List<String> nodeNames() {
        Map<String, Integer> counts = new HashMap<>();
        List<String> names = new ArrayList<>(layers.size());
        for (LayerConfig layer : layers) {
            String id = LayerTypes.idOf(layer);
            names.add(id + "_" + counts.merge(id, 1, Integer::sum));
        }
        return names;
    }

    /** The same network as a graph: the input {@value #INPUT} and a chain of {@link #nodeNames()}. */
    public GraphConfig toGraph() {
        List<String> names = nodeNames();
        List<NodeConfig> nodes = new ArrayList<>(layers.size());
        String previous = INPUT;
        for (int i = 0; i < layers.size(); i++) {
            nodes.add(NodeConfig.of(names.get(i), layers.get(i), previous));
            previous = names.get(i);
        }
        return new GraphConfig(List.of(new GraphInput(INPUT, inputShape)), nodes, List.of(previous));
    }

    /** The output shape of each layer, in order. */
    public List<Shape> layerOutputShapes() {
        return shapes(inputShape, layers);
    }

    /** The shape of one output of the whole network. */
    public Shape outputShape() {
        List<Shape> shapes = layerOutputShapes();
        return shapes.isEmpty() ? inputShape : shapes.get(shapes.size() - 1);
    }

    /** The number of parameters of the network this describes, from the shapes alone (see {@link LayerConfig#parameterCount}). */
    public long parameterCount() {
        long total = 0;
        Shape current = inputShape;
        for (LayerConfig layer : layers) {
            total = Math.addExact(total, layer.parameterCount(current));
            current = layer.outputShape(current);
        }
        return total;
    }

    /** The number of values all layers' outputs hold together for one input image: what a forward pass keeps per image. */
    public long activationsPerImage() {
        long total = 0;
        for (Shape shape : layerOutputShapes()) {
            long size = 1;
            for (int d : shape.dims()) {
                size = Math.multiplyExact(size, d);
            }
            total = Math.addExact(total, size);
        }
        return total;
    }

    private static List<Shape> shapes(Shape inputShape, List<LayerConfig> layers) {
        List<Shape> shapes = new ArrayList<>(layers.size());
        Shape current = inputShape;
        for (int i = 0; i < layers.size(); i++) {
            LayerConfig layer = layers.get(i);
            try {
                current = layer.outputShape(current);
            } catch (IllegalArgumentException e) {
                throw new ShapeMismatchException("layer " + i + " (" + LayerTypes.idOf(layer) + ") cannot take input of shape "
                        + current + ": " + e.getMessage());
            }
            shapes.add(current);
        }
        return shapes;
    }
}
