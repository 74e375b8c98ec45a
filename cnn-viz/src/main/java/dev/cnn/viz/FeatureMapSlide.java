package dev.cnn.viz;

import dev.cnn.datasets.ImageConverter;
import dev.cnn.api.layer.LayerTypes;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.model.Model;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.network.NodeConfig;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The classic slide of what a convolutional network sees: the input image, then the feature maps each convolution
 * (with the activation after it) makes of it, then the maps pooling shrinks them to, node by node in the order the
 * network runs, each section named by its nodes. Or, for one named node, only that node's maps.
 */
public final class FeatureMapSlide {
    private static final int INPUT_TILE = 112;
    private static final int MAP_TILE = 72;
    private static final int COLUMNS = 10;

    private FeatureMapSlide() {
    }

    /** The nodes whose outputs are feature maps ({@code [C, H, W]}), in the order the network runs. */
    public static List<String> mapNodes(GraphNetwork network) {
        return network.nodeNames().stream().filter(n -> network.shapeOf(n).rank() == 3).toList();
    }

    /**
     * Draws the slide for one image.
     *
     * @param model  a model whose network has at least one convolution
     * @param pixels one image of the model's input shape, in [0, 1], before preprocessing
     * @param title  the line at the top
     * @param node   null for every stage, or the one node whose maps to draw
     * @throws IllegalArgumentException when {@code node} is no node of the network or does not make feature maps
     */
    public static BufferedImage render(Model model, float[] pixels, String title, String node) {
        GraphNetwork network = model.network();
        List<String> candidates = mapNodes(network);
        if (node != null && !candidates.contains(node)) {
            throw new IllegalArgumentException(network.nodeNames().contains(node)
                    ? "node '" + node + "' makes " + network.shapeOf(node) + ", not feature maps; nodes with feature"
                    + " maps: " + String.join(", ", candidates)
                    : "the model has no node '" + node + "'; nodes with feature maps: " + String.join(", ", candidates));
        }
        Shape inputShape = model.inputShape();
        Tensor input = network.backend().tensor(model.preprocessing().apply(pixels, inputShape), inputShape.withBatch(1));
        Map<String, Tensor> outputs = network.activations(Map.of(network.inputNames().get(0), input));

        PictureSheet sheet = new PictureSheet(title, COLUMNS);
        sheet.addSection("input " + dims(inputShape), List.of(new PictureSheet.Tile(
                ImageConverter.toImage(pixels, inputShape), "")), INPUT_TILE);
        List<String> order = network.nodeNames();
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            String name = order.get(i);
            Shape shape = network.shapeOf(name);
            if (shape.rank() != 3) {
                pending.clear();
                continue;
            }
            if (node != null && !node.equals(name)) {
                continue;
            }
            pending.add(name);
            if (node == null && i + 1 < order.size() && keepsShape(network, name, order.get(i + 1))) {
                continue;
            }
            float[] values = outputs.get(name).toArray();
            int plane = shape.dim(1) * shape.dim(2);
            List<PictureSheet.Tile> tiles = new ArrayList<>();
            for (int c = 0; c < shape.dim(0); c++) {
                tiles.add(new PictureSheet.Tile(ColorMaps.grey(values, c * plane, shape.dim(1), shape.dim(2)), "#" + c));
            }
            List<String> ids = pending.stream().map(n -> LayerTypes.idOf(network.graph().layerOf(n))).toList();
            String kind = ids.stream().anyMatch(id -> id.contains("pool")) ? "pooled maps" : "feature maps";
            sheet.addSection(String.format("node %s (%s): %d %s of %s", String.join(" + ", pending),
                    String.join(" + ", ids), shape.dim(0), kind, dims(shape)), tiles, MAP_TILE);
            pending.clear();
        }
        return sheet.render();
    }

    /** Whether {@code next} only reshapes nothing: reads {@code name} alone, keeps its shape, and is no convolution. */
    private static boolean keepsShape(GraphNetwork network, String name, String next) {
        NodeConfig nextNode = network.graph().node(next);
        return nextNode.inputs().equals(List.of(name)) && network.shapeOf(next).equals(network.shapeOf(name))
                && !(network.graph().layerOf(next) instanceof Conv2D);
    }

    private static String dims(Shape shape) {
        return shape.dim(1) + "x" + shape.dim(2);
    }
}
