package dev.cnn.models;

import dev.cnn.api.layers.Add;
import dev.cnn.api.layers.BatchNorm;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.GlobalAvgPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphConfig;
import dev.cnn.api.tensor.Shape;

/**
 * The graph of {@code resnet-small}: a 3x3 stem, then one residual block per stage (two 3x3 conv + batch-norm, the
 * block's input added back before the last ReLU), each later stage halving the size with a stride-2 convolution and a
 * 1x1 stride-2 projection on the shortcut, then global average pooling and a dense layer to the classes.
 */
final class ResidualNet {
    private ResidualNet() {
    }

    static GraphConfig graph(Shape input, int classes, int... widths) {
        GraphBuilder g = new GraphBuilder().addInput("image", input);
        g.add("stem", Conv2D.of(widths[0], 3).withPadding(1).withBias(false), "image")
                .add("stem_bn", BatchNorm.of(), "stem")
                .add("stem_relu", new ReLU(), "stem_bn");
        String previous = "stem_relu";
        int channels = widths[0];
        for (int stage = 0; stage < widths.length; stage++) {
            previous = block(g, "block" + (stage + 1), previous, channels != widths[stage] || stage > 0, widths[stage]);
            channels = widths[stage];
        }
        return g.add("pool", new GlobalAvgPool2D(), previous)
                .add("logits", Dense.of(classes), "pool")
                .setOutputs("logits").config();
    }

    /** One residual block named {@code name}_...; returns the name of its output node. */
    private static String block(GraphBuilder g, String name, String input, boolean downsample, int width) {
        int stride = downsample ? 2 : 1;
        g.add(name + "_conv1", Conv2D.of(width, 3).withStride(stride).withPadding(1).withBias(false), input)
                .add(name + "_bn1", BatchNorm.of(), name + "_conv1")
                .add(name + "_relu1", new ReLU(), name + "_bn1")
                .add(name + "_conv2", Conv2D.of(width, 3).withPadding(1).withBias(false), name + "_relu1")
                .add(name + "_bn2", BatchNorm.of(), name + "_conv2");
        String shortcut = input;
        if (downsample) {
            g.add(name + "_project", Conv2D.of(width, 1).withStride(2).withBias(false), input)
                    .add(name + "_project_bn", BatchNorm.of(), name + "_project");
            shortcut = name + "_project_bn";
        }
        g.add(name + "_add", new Add(), shortcut, name + "_bn2")
                .add(name + "_relu2", new ReLU(), name + "_add");
        return name + "_relu2";
    }
}
