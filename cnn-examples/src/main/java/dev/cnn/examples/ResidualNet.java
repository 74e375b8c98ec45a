package dev.cnn.examples;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.Evaluator;
import dev.cnn.api.layers.Add;
import dev.cnn.api.layers.BatchNorm;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.EpochLog;
import dev.cnn.api.train.Trainer;
import dev.cnn.datasets.Datasets;
import dev.cnn.datasets.LocatedDataset;

/**
 * Builds a small residual network with the graph builder (two blocks of {@code x + f(x)}, where the skip connection
 * is an edge from a block's input to its {@code Add} node), prints its summary and trains it on MNIST.
 *
 * <p>Arguments: {@code [training images (default 10000)] [epochs (default 1)]}.
 */
public final class ResidualNet {
    private ResidualNet() {
    }

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Backend backend = Backends.select();

        GraphBuilder graph = new GraphBuilder()
                .addInput("image", 1, 28, 28)
                .add("stem", Conv2D.of(16, 3).withPadding(1), "image")
                .add("stem_relu", new ReLU(), "stem")
                .add("pool", MaxPool2D.of(2), "stem_relu");
        String x = "pool";
        for (int block = 1; block <= 2; block++) {
            String b = "block" + block;
            graph.add(b + "_conv1", Conv2D.of(16, 3).withPadding(1).withBias(false), x)
                    .add(b + "_bn1", BatchNorm.of(), b + "_conv1")
                    .add(b + "_relu1", new ReLU(), b + "_bn1")
                    .add(b + "_conv2", Conv2D.of(16, 3).withPadding(1).withBias(false), b + "_relu1")
                    .add(b + "_bn2", BatchNorm.of(), b + "_conv2")
                    .add(b + "_sum", new Add(), x, b + "_bn2")            // the skip connection
                    .add(b + "_out", new ReLU(), b + "_sum");
            x = b + "_out";
        }
        GraphNetwork network = graph
                .add("pool2", MaxPool2D.of(2), x)
                .add("flat", new Flatten(), "pool2")
                .add("logits", Dense.of(10), "flat")
                .build(backend);
        System.out.print(network.summary());

        LocatedDataset mnist = Datasets.load("mnist");
        Dataset raw = mnist.train().range(0, images);
        Normalization normalization = Normalization.fit(raw);
        Trainer.builder().setNetwork(network).setLoss(Loss.SOFTMAX_CROSS_ENTROPY)
                .setOptimizer(OptimizerConfig.adam(0.003)).optEpochs(epochs)
                .optListener(new EpochLog(System.out::println)).build()
                .fit(raw.normalized(normalization), null);
        Dataset test = mnist.test().range(0, 2_000).normalized(normalization);
        double accuracy = Evaluator.evaluate(network, Loss.SOFTMAX_CROSS_ENTROPY, test, 256).accuracy();
        System.out.printf("test accuracy of the residual net: %.2f%%%n", 100 * accuracy);
    }
}
