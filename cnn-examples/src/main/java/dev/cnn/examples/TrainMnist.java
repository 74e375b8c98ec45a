package dev.cnn.examples;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.Evaluation;
import dev.cnn.api.eval.Evaluator;
import dev.cnn.api.eval.Prediction;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.EpochLog;
import dev.cnn.api.train.Trainer;
import dev.cnn.datasets.Datasets;
import dev.cnn.datasets.LocatedDataset;
import dev.cnn.viz.ConfusionHeatMap;
import java.nio.file.Path;

/**
 * Trains the classic convolutional network on MNIST (5x5 convolutions of 20 and 40 maps, 2x2 max-pooling), evaluates
 * it on the test set, saves it, loads it back and predicts the first test digit; writes the confusion matrix as a
 * PNG. Needs {@code ./cnn datasets install mnist}.
 *
 * <p>Arguments: {@code [training images (default 60000)] [epochs (default 1)] [output folder (default .)]}.
 */
public final class TrainMnist {
    private TrainMnist() {
    }

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path out = Path.of(args.length > 2 ? args[2] : ".");

        LocatedDataset mnist = Datasets.load("mnist");
        Dataset rawTrain = mnist.train().range(0, images);
        Normalization normalization = Normalization.fit(rawTrain);   // mean and std of the training pixels
        Dataset train = rawTrain.normalized(normalization);
        Dataset test = mnist.test().normalized(normalization);

        Backend backend = Backends.select();                          // the best backend on the classpath
        Sequential network = Sequential.builder()
                .setInputShape(1, 28, 28)
                .add(Conv2D.of(20, 5), new ReLU(), MaxPool2D.of(2))       // 20 maps of 24x24, pooled to 12x12
                .add(Conv2D.of(40, 5), new ReLU(), MaxPool2D.of(2))       // 40 maps of 8x8, pooled to 4x4
                .add(new Flatten(), Dense.of(100), new ReLU(), Dense.of(10))
                .build(backend);
        System.out.print(network.summary());

        Trainer.builder()
                .setNetwork(network)
                .setLoss(Loss.SOFTMAX_CROSS_ENTROPY)
                .setOptimizer(OptimizerConfig.adam(0.001))
                .optEpochs(epochs)
                .optListener(new EpochLog(System.out::println))
                .build()
                .fit(train, null);

        Evaluation evaluation = Evaluator.evaluate(network, Loss.SOFTMAX_CROSS_ENTROPY, test, 256);
        System.out.printf("test accuracy: %.2f%%%n", 100 * evaluation.accuracy());
        ConfusionHeatMap.write(evaluation.confusionMatrix(), test.classNames(), "MNIST test set",
                out.resolve("mnist-confusion.png"));

        Path file = out.resolve("mnist.cnn");
        new Model(network, Loss.SOFTMAX_CROSS_ENTROPY, train.classNames(), normalization).save(file);
        Model loaded = Model.load(file, backend);
        float[] pixels = mnist.test().features(0);                   // raw pixels: the model normalises them itself
        Prediction prediction = new Prediction("test image 0", pixels, loaded.predictProbabilities(pixels, 1)[0],
                test.label(0));
        System.out.println("test image 0 (a " + test.classNames().get(test.label(0)) + "): "
                + prediction.describeTop(3, loaded.classNames()));
    }
}
