package dev.cnn.viz;

import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.tensor.Shape;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The filters of a network's first convolution, one tile each. Grey inputs give one plane per filter, drawn red
 * where a weight is positive and blue where it is negative, all on one scale; colour inputs give an RGB picture
 * per filter.
 */
public final class FilterPicture {
    private static final int TILE = 60;

    private FilterPicture() {
    }

    /** The name of the first convolution node in the order the network runs, if it has one. */
    public static Optional<String> firstConvolution(GraphNetwork network) {
        return network.nodeNames().stream().filter(n -> network.graph().layerOf(n) instanceof Conv2D).findFirst();
    }

    /** Draws the filters of the convolution at node {@code node}. */
    public static BufferedImage render(GraphNetwork network, String node) {
        Layer layer = network.layer(node);
        Parameter weight = layer.parameters().stream().filter(p -> p.name().equals("weight")).findFirst()
                .orElseThrow(() -> new IllegalStateException("node " + node + " has no weight"));
        Shape shape = weight.shape();
        int filters = shape.dim(0);
        int channels = shape.dim(1);
        int rows = shape.dim(2);
        int cols = shape.dim(3);
        float[] w = weight.value().toArray();
        int plane = rows * cols;
        float absMax = 0;
        for (float v : w) {
            absMax = Math.max(absMax, Math.abs(v));
        }
        List<PictureSheet.Tile> tiles = new ArrayList<>();
        for (int f = 0; f < filters; f++) {
            int offset = f * channels * plane;
            BufferedImage image;
            if (channels == 3) {
                image = ColorMaps.rgb(w, offset, rows, cols);
            } else {
                float[] mean = new float[plane];
                for (int c = 0; c < channels; c++) {
                    for (int i = 0; i < plane; i++) {
                        mean[i] += w[offset + c * plane + i] / channels;
                    }
                }
                image = ColorMaps.diverging(mean, 0, rows, cols, channels == 1 ? absMax : maxAbs(mean));
            }
            tiles.add(new PictureSheet.Tile(image, "filter " + f));
        }
        String colours = channels == 3 ? "as colours" : channels == 1 ? "red: positive weight, blue: negative"
                : "mean over " + channels + " input channels; red: positive, blue: negative";
        String title = String.format("Node %s (conv2d): %d filters of %dx%d (%s)", node, filters, rows, cols, colours);
        int tile = Math.max(TILE, Math.max(rows, cols) * 2);
        return new PictureSheet(title, 10).addSection("each filter is slid over the image; it answers strongest where"
                + " the image looks like it", tiles, tile).render();
    }

    private static float maxAbs(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
