package dev.cnn.models;

import dev.cnn.api.layers.BatchNorm;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.GlobalAvgPool2D;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Head;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphConfig;
import dev.cnn.api.tensor.Shape;
import java.util.List;

/**
 * The graph of {@code tagger}: a trunk of 3x3 convolution blocks (convolution, batch norm, ReLU), the first three each
 * halving the image with 2x2 max-pooling while the maps double, then global average pooling, read by two heads: {@value
 * #CLASS_HEAD} (a score per class, trained with softmax cross-entropy) and {@value #TAGS_HEAD} (a score per tag, each
 * its own sigmoid, trained with binary cross-entropy), trained on the sum of the two losses, the tag loss weighted by
 * {@value #TAG_WEIGHT}.
 */
final class TaggerNet {
    /** The output and head with the class scores. */
    static final String CLASS_HEAD = "class";
    /** The output and head with the tag scores. */
    static final String TAGS_HEAD = "tags";
    /**
     * The weight of the tag loss. Binary cross-entropy is averaged over images and tags while softmax cross-entropy is
     * averaged over images only, so each tag's share of the gradient is {@code 1/tags} of a class score's; a weight of
     * 4 gives the textures and colours that only the tags ask about more pull on the trunk (chosen by that reasoning,
     * not by a sweep).
     */
    static final double TAG_WEIGHT = 4;
    private static final int[] WIDTHS = {16, 32, 64, 128};

    private TaggerNet() {
    }

    static GraphConfig graph(Shape input, int classes, int tags) {
        if (tags < 1) {
            throw new IllegalArgumentException("the tagger needs at least 1 tag, got " + tags);
        }
        GraphBuilder g = new GraphBuilder().addInput("image", input);
        String previous = "image";
        int side = Math.min(input.dim(1), input.dim(2));
        for (int b = 0; b < WIDTHS.length; b++) {
            String name = "block" + (b + 1);
            g.add(name + "_conv", Conv2D.of(WIDTHS[b], 3).withPadding(1).withBias(false), previous)
                    .add(name + "_bn", BatchNorm.of(), name + "_conv")
                    .add(name + "_relu", new ReLU(), name + "_bn");
            previous = name + "_relu";
            if (b < WIDTHS.length - 1 && side >= 4) {
                g.add(name + "_pool", MaxPool2D.of(2), previous);
                previous = name + "_pool";
                side /= 2;
            }
        }
        return g.add("pool", new GlobalAvgPool2D(), previous)
                .add(CLASS_HEAD, Dense.of(classes), "pool")
                .add(TAGS_HEAD, Dense.of(tags), "pool")
                .setOutputs(CLASS_HEAD, TAGS_HEAD).config();
    }

    static List<Head> heads(List<String> classNames, List<String> tagNames) {
        return List.of(new Head(CLASS_HEAD, Loss.SOFTMAX_CROSS_ENTROPY, 1, classNames),
                new Head(TAGS_HEAD, Loss.SIGMOID_BINARY_CROSS_ENTROPY, TAG_WEIGHT, tagNames));
    }
}
