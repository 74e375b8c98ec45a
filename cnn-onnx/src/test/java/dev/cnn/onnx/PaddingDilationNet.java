package dev.cnn.onnx;

import dev.cnn.api.layers.AvgPool2D;
import dev.cnn.api.layers.Concatenate;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.GroupedConv2D;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.Pad2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.layers.Tanh;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphNetwork;
import java.util.List;

/**
 * A graph of the layer options of issue #19 on a 3x15x13 input: a dilated convolution, a "same" convolution with an
 * even kernel and stride 2 (padded unevenly), a dilated grouped convolution, a pad2d of a non-zero value, ceil-mode
 * max pooling, ceil-mode average pooling (counting the padding or not), and average pooling counting it without
 * ceil mode.
 */
final class PaddingDilationNet {
    private PaddingDilationNet() {
    }

    /**
     * The net; with {@code countedCeil} its ceil-mode average counts the padding, and its last window reaches past it,
     * which exports as AveragePool and Mul (see AveragePoolExport), a form import does not read back.
     */
    static Model build(long seed, boolean countedCeil) {
        GraphNetwork network = new GraphBuilder().addInput("pixels", 3, 15, 13)
                .add("dilated", Conv2D.of(4, 3).withDilation(2).withPadding(2), "pixels")
                .add("same", Conv2D.of(4, 4).withStride(2).withSamePadding(), "pixels")
                .add("grouped", GroupedConv2D.of(4, 2, 3).withDilation(2).withPadding(1), "dilated")
                .add("relu", new ReLU(), "grouped")
                .add("pad", new Pad2D(1, 1, 2, 1, 0.25f), "relu")
                .add("ceil_max", MaxPool2D.of(2).withCeilMode(true), "pad")
                .add("joined", new Concatenate(), "ceil_max", "same")
                .add("ceil_avg", new AvgPool2D(3, 3, 2, 2, 1, 1).withCeilMode(true).withCountIncludePad(countedCeil),
                        "joined")
                .add("tanh", new Tanh(), "ceil_avg")
                .add("counted_avg", new AvgPool2D(2, 3, 1, 2, 1, 1).withCountIncludePad(true), "tanh")
                .add("flat", new Flatten(), "counted_avg")
                .add("logits", Dense.of(3), "flat")
                .setOutputs("logits").optSeed(seed).build(TestModels.CPU);
        Model model = new Model(network, Loss.SOFTMAX_CROSS_ENTROPY, List.of("a", "b", "c"), Normalization.identity());
        TestModels.perturb(network, seed);
        return model;
    }
}
