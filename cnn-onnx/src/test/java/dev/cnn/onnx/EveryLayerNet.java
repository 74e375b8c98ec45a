package dev.cnn.onnx;

import dev.cnn.api.layers.Add;
import dev.cnn.api.layers.AvgPool2D;
import dev.cnn.api.layers.BatchNorm;
import dev.cnn.api.layers.Concatenate;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.DepthwiseConv2D;
import dev.cnn.api.layers.Dropout;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.GlobalAvgPool2D;
import dev.cnn.api.layers.GlobalMaxPool2D;
import dev.cnn.api.layers.GroupedConv2D;
import dev.cnn.api.layers.LeakyReLU;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.layers.SeparableConv2D;
import dev.cnn.api.layers.Sigmoid;
import dev.cnn.api.layers.Softmax;
import dev.cnn.api.layers.Tanh;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphNetwork;
import java.util.List;

/**
 * A graph with every built-in layer type: convolutions plain (no bias), grouped (also shared by a second node),
 * depthwise (dilated, depth multiplier 2) and separable; batch norm on maps and on features; padded max and average
 * pooling, global average and max pooling; an add of three inputs and concatenations of maps and of features;
 * every activation; dropout; and three heads (classes, tags, and
 * values read through a softmax layer).
 */
final class EveryLayerNet {
    private EveryLayerNet() {
    }

    static Model build(long seed) {
        GraphNetwork network = new GraphBuilder().addInput("pixels", 3, 16, 16)
                .add("conv", Conv2D.of(8, 3).withPadding(1).withBias(false), "pixels")
                .add("bn", BatchNorm.of(), "conv")
                .add("relu", new ReLU(), "bn")
                .add("grouped", GroupedConv2D.of(8, 4, 3).withPadding(1), "relu")
                .add("leaky", new LeakyReLU(0.1), "grouped")
                .add("depthwise", DepthwiseConv2D.of(3).withDepthMultiplier(2).withDilation(2).withPadding(2), "relu")
                .add("separable", SeparableConv2D.of(8, 3).withPadding(1), "relu")
                .addShared("grouped_again", "grouped", "separable")
                .add("sum", new Add(), "leaky", "grouped_again", "relu")
                .add("joined", new Concatenate(), "sum", "depthwise")
                .add("max", new MaxPool2D(3, 3, 2, 2, 1, 1), "joined")
                .add("tanh", new Tanh(), "max")
                .add("avg", new AvgPool2D(3, 3, 2, 2, 1, 1), "tanh")
                .add("sigmoid", new Sigmoid(), "avg")
                .add("drop", new Dropout(0.5), "sigmoid")
                .add("flat", new Flatten(), "drop")
                .add("hidden", Dense.of(16), "flat")
                .add("hidden_bn", BatchNorm.of(), "hidden")
                .add("classes", Dense.of(5), "hidden_bn")
                .add("gap", new GlobalAvgPool2D(), "sigmoid")
                .add("gmax", new GlobalMaxPool2D(), "tanh")
                .add("pooled", new Concatenate(), "gap", "gmax")
                .add("tags", new Dense(3, false, null), "pooled")
                .add("mix_scores", Dense.of(4), "pooled")
                .add("mix", new Softmax(), "mix_scores")
                .setOutputs("classes", "tags", "mix").optSeed(seed).build(TestModels.CPU);
        List<Head> heads = List.of(
                Head.of("classes", Loss.SOFTMAX_CROSS_ENTROPY, List.of("a", "b", "c", "d", "e")),
                Head.of("tags", Loss.SIGMOID_BINARY_CROSS_ENTROPY, List.of("x", "y", "z")).withThreshold(0.4f),
                Head.of("mix", Loss.MEAN_SQUARED_ERROR, List.of()));
        Model model = new Model(network, heads,
                new Normalization(new double[] {0.5, 0.4, 0.3}, new double[] {0.2, 0.25, 0.3}));
        TestModels.perturb(network, seed);
        return model;
    }
}
