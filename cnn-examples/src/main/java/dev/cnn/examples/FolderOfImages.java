package dev.cnn.examples;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.Evaluation;
import dev.cnn.api.eval.Evaluator;
import dev.cnn.api.eval.Prediction;
import dev.cnn.api.layers.BatchNorm;
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
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.train.EpochLog;
import dev.cnn.api.train.Trainer;
import dev.cnn.datasets.ImageAugmentation;
import dev.cnn.datasets.ImageFolderOptions;
import dev.cnn.datasets.ImageFolderSource;
import dev.cnn.datasets.LoadListener;
import dev.cnn.datasets.PixelAugmentation;
import dev.cnn.viz.PngFiles;
import dev.cnn.viz.PredictionPictures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains on your own images: a folder with one sub-folder per class ({@code DIR/cat/*.jpg, DIR/dog/*.png}, one image
 * in five held out for testing, or {@code DIR/train/CLASS/*} and {@code DIR/test/CLASS/*}), every image resized to
 * 32x32 colour pixels, normalised per channel, flipped and cropped at random while training; writes a sheet of test
 * predictions as a PNG.
 *
 * <p>Arguments: {@code DIR [epochs (default 5)] [output folder (default .)]}.
 */
public final class FolderOfImages {
    private FolderOfImages() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: FolderOfImages DIR [epochs] [output folder]: DIR holds one folder per class");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path out = Path.of(args.length > 2 ? args[2] : ".");

        ImageFolderOptions options = ImageFolderOptions.defaults().withChannels(3).withSize(32, 32);
        ImageFolderSource folder = new ImageFolderSource(dir, options, new LoadListener() {
            @Override
            public void skipped(Path file, String reason) {
                System.out.println("skipped " + file + ": " + reason);
            }
        });
        Dataset rawTrain = folder.train();
        Dataset rawTest = folder.test();
        System.out.printf("%d training and %d test images of %d classes: %s%n", rawTrain.size(), rawTest.size(),
                rawTrain.classNames().size(), rawTrain.classNames());
        Normalization normalization = Normalization.fit(rawTrain);          // a mean and std per colour channel
        System.out.println("normalisation " + normalization.describe());

        Backend backend = Backends.select();
        Sequential network = Sequential.builder()
                .setInputShape(rawTrain.sampleShape())
                .add(Conv2D.of(16, 3).withPadding(1).withBias(false), BatchNorm.of(), new ReLU(), MaxPool2D.of(2))
                .add(Conv2D.of(32, 3).withPadding(1).withBias(false), BatchNorm.of(), new ReLU(), MaxPool2D.of(2))
                .add(new Flatten(), Dense.of(64), new ReLU(), Dense.of(rawTrain.classNames().size()))
                .build(backend);
        Trainer.builder().setNetwork(network).setLoss(Loss.SOFTMAX_CROSS_ENTROPY)
                .setOptimizer(OptimizerConfig.adam(0.003)).optEpochs(epochs).optBatchSize(16)
                .optBatchTransform(new PixelAugmentation(0, new ImageAugmentation(2, true, 0, 0, 0), normalization))
                .optListener(new EpochLog(System.out::println)).build()
                .fit(rawTrain.normalized(normalization), null);

        Evaluation evaluation = Evaluator.evaluate(network, Loss.SOFTMAX_CROSS_ENTROPY,
                rawTest.normalized(normalization), 64);
        System.out.printf("test accuracy: %.2f%% of %d images%n", 100 * evaluation.accuracy(), rawTest.size());

        Model model = new Model(network, Loss.SOFTMAX_CROSS_ENTROPY, rawTrain.classNames(), normalization);
        List<Prediction> predictions = new ArrayList<>();
        Shape sample = rawTest.sampleShape();
        for (int i = 0; i < Math.min(16, rawTest.size()); i++) {
            float[] pixels = rawTest.features(i);
            predictions.add(new Prediction("test " + i, pixels, model.predictProbabilities(pixels, 1)[0],
                    rawTest.label(i)));
        }
        Path sheet = out.resolve("folder-predictions.png");
        PngFiles.write(PredictionPictures.sheet("Test images of " + dir.getFileName(), "prediction per image",
                predictions, model), sheet);
        System.out.println("wrote " + sheet + " (" + sample + " per image)");
    }
}
