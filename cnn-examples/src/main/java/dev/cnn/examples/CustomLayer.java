package dev.cnn.examples;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.check.GradientCheck;
import dev.cnn.api.check.GradientCheckResult;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.Evaluator;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.train.Trainer;
import dev.cnn.datasets.Datasets;
import dev.cnn.datasets.LocatedDataset;
import java.nio.file.Path;

/**
 * Uses the {@link Swish} layer written in this module: checks its gradients against finite differences, trains a
 * network that uses it instead of ReLU on MNIST, and saves and loads the model (the registered type id at work).
 *
 * <p>Arguments: {@code [training images (default 10000)] [output folder (default .)]}.
 */
public final class CustomLayer {
    private CustomLayer() {
    }

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path out = Path.of(args.length > 1 ? args[1] : ".");
        Backend backend = Backends.select();

        GradientCheckResult check = GradientCheck.forFloat32().checkLayer(new Swish(), Shape.of(3, 4, 4), 2, true,
                backend, 1);
        System.out.println("gradient check of Swish: " + check);
        if (!check.passed()) {
            throw new IllegalStateException("Swish's backward pass disagrees with finite differences: " + check);
        }

        LocatedDataset mnist = Datasets.load("mnist");
        Dataset raw = mnist.train().range(0, images);
        Normalization normalization = Normalization.fit(raw);
        Dataset train = raw.normalized(normalization);
        Dataset test = mnist.test().range(0, 2_000).normalized(normalization);
        Sequential network = Sequential.builder()
                .setInputShape(1, 28, 28)
                .add(Conv2D.of(16, 5), new Swish(), MaxPool2D.of(2))
                .add(new Flatten(), Dense.of(64), new Swish(), Dense.of(10))
                .build(backend);
        Trainer.builder().setNetwork(network).setLoss(Loss.SOFTMAX_CROSS_ENTROPY)
                .setOptimizer(OptimizerConfig.adam(0.002)).build().fit(train, null);
        double accuracy = Evaluator.evaluate(network, Loss.SOFTMAX_CROSS_ENTROPY, test, 256).accuracy();
        System.out.printf("test accuracy with Swish: %.2f%%%n", 100 * accuracy);

        Path file = out.resolve("swish.cnn");
        new Model(network, Loss.SOFTMAX_CROSS_ENTROPY, train.classNames(), normalization).save(file);
        Model loaded = Model.load(file, backend);
        double reloaded = Evaluator.evaluate(loaded.network(), loaded.loss(), test, 256).accuracy();
        System.out.printf("after saving and loading %s: %.2f%%%n", file.getFileName(), 100 * reloaded);
    }
}
