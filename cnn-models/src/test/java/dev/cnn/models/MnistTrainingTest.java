package dev.cnn.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.datasets.Datasets;
import dev.cnn.datasets.LocatedDataset;
import dev.cnn.api.eval.Evaluation;
import dev.cnn.api.eval.Evaluator;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.optim.LearningRateSchedule;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * Real data: {@code conv-20-40} trained for one epoch on the first 10,000 MNIST training images must
 * classify at least 97% of the 10,000 test images. Needs MNIST installed ({@code ./cnn datasets install mnist}).
 */
class MnistTrainingTest {

    @Test
    void convNetReaches97PercentAfterOneEpochOnTenThousandImages() throws Exception {
        LocatedDataset mnist = Datasets.load("mnist");
        Dataset train = mnist.train().range(0, 10_000).normalized(0.1307f, 0.3081f);
        Dataset test = mnist.test().normalized(0.1307f, 0.3081f);
        Backend cpu = Backends.select("cpu");
        Sequential network = Sequential.of(Preset.CONV_20_40.config(train.sampleShape(), 10), cpu, 1);
        int batchSize = 8;
        long steps = (train.size() + batchSize - 1) / batchSize;
        Trainer trainer = Trainer.builder()
                .setNetwork(network)
                .setLoss(Loss.SOFTMAX_CROSS_ENTROPY)
                .setOptimizer(OptimizerConfig.adam(0.0015).withSchedule(new LearningRateSchedule.Cosine(steps, 0.05)))
                .optBatchSize(batchSize)
                .optSeed(1)
                .build();
        var history = trainer.fit(train, null);
        Evaluation evaluation = Evaluator.evaluate(network, Loss.SOFTMAX_CROSS_ENTROPY, test, 256);
        System.out.printf("conv-20-40, 10k images, 1 epoch: train loss %.4f, %.0f images/s, test accuracy %.2f%%%n",
                history.last().trainLoss(), history.last().imagesPerSecond(), 100 * evaluation.accuracy());
        assertTrue(evaluation.accuracy() >= 0.97, "test accuracy " + evaluation.accuracy() + " is below 97%");
    }
}
