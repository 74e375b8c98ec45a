package dev.cnn.examples.pictures;

import dev.cnn.api.data.ImageConverter;
import dev.cnn.api.layer.LayerTypes;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.model.Model;
import dev.cnn.api.network.NetworkConfig;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The classic slide of what a convolutional network sees: the input image, then the feature maps each convolution
 * (with the activation after it) makes of it, then the maps pooling shrinks them to, stage by stage until the
 * network flattens them.
 */
public final class FeatureMapSlide {
    private static final int INPUT_TILE = 112;
    private static final int MAP_TILE = 72;
    private static final int COLUMNS = 10;

    private FeatureMapSlide() {
    }

    /**
     * Draws the slide for one image.
     *
     * @param model  a model whose network has at least one convolution
     * @param pixels one image of the model's input shape, in [0, 1], before preprocessing
     * @param title  the line at the top
     */
    public static BufferedImage render(Model model, float[] pixels, String title) {
        Sequential network = model.network();
        NetworkConfig config = network.config();
        Shape inputShape = model.inputShape();
        Tensor input = network.backend().tensor(model.preprocessing().apply(pixels), inputShape.withBatch(1));
        List<Tensor> outputs = network.activations(input, config.layers().size());
        List<Shape> shapes = config.layerOutputShapes();

        PictureSheet sheet = new PictureSheet(title, COLUMNS);
        sheet.addSection("input " + dims(inputShape), List.of(new PictureSheet.Tile(
                ImageConverter.toImage(pixels, inputShape), "")), INPUT_TILE);
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < shapes.size() && shapes.get(i).rank() == 3; i++) {
            pending.add(LayerTypes.idOf(config.layers().get(i)));
            boolean nextKeepsShape = i + 1 < shapes.size() && shapes.get(i + 1).equals(shapes.get(i))
                    && !(config.layers().get(i + 1) instanceof Conv2D);
            if (nextKeepsShape) {
                continue;
            }
            Shape shape = shapes.get(i);
            float[] values = outputs.get(i).toArray();
            int plane = shape.dim(1) * shape.dim(2);
            List<PictureSheet.Tile> tiles = new ArrayList<>();
            for (int c = 0; c < shape.dim(0); c++) {
                tiles.add(new PictureSheet.Tile(ColorMaps.grey(values, c * plane, shape.dim(1), shape.dim(2)), "#" + c));
            }
            String kind = pending.stream().anyMatch(id -> id.contains("pool")) ? "pooled maps" : "feature maps";
            sheet.addSection(String.format("layer %d, %s: %d %s of %s", i, String.join(" + ", pending), shape.dim(0),
                    kind, dims(shape)), tiles, MAP_TILE);
            pending.clear();
        }
        return sheet.render();
    }

    private static String dims(Shape shape) {
        return shape.dim(1) + "x" + shape.dim(2);
    }
}
