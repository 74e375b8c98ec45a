package dev.cnn.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.Trainer;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A warm training step of conv-20-40 allocates almost no off-heap result buffers: the layers hand their last buffers
 * back through the {@code ...Into} kernels, which the native ops write into.
 */
class StepAllocationTest {
    private static final int BATCH = 64;

    @Test
    void aWarmConv2040StepAllocatesUnderATenthOfItsFirstStep() {
        Nd4jBackend backend = new Nd4jBackend();
        Sequential network = Sequential.builder().setInputShape(1, 28, 28)
                .add(Conv2D.of(20, 5), new ReLU(), MaxPool2D.of(2), Conv2D.of(40, 5), new ReLU(), MaxPool2D.of(2),
                        new Flatten(), Dense.of(100), new ReLU(), Dense.of(10))
                .build(backend);
        Random random = new Random(1);
        float[] pixels = new float[BATCH * 4 * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        int[] labels = random.ints(BATCH * 4, 0, 10).toArray();
        Dataset data = new Dataset(dev.cnn.api.tensor.Shape.of(1, 28, 28), pixels, labels,
                IntStream.range(0, 10).mapToObj(Integer::toString).toList());
        Trainer trainer = Trainer.builder().setNetwork(network).setLoss(Loss.SOFTMAX_CROSS_ENTROPY)
                .setOptimizer(OptimizerConfig.adam(0.001)).optBatchSize(BATCH).build();
        List<int[]> batches = IntStream.range(0, 4).mapToObj(b -> IntStream.range(b * BATCH, (b + 1) * BATCH).toArray())
                .toList();

        long before = GarbageTrigger.totalAllocated();
        step(trainer, data, batches.get(0), random);
        long first = GarbageTrigger.totalAllocated() - before;
        for (int i = 1; i < 3; i++) {
            step(trainer, data, batches.get(i), random);
        }
        long warmStart = GarbageTrigger.totalAllocated();
        int steps = 5;
        for (int i = 0; i < steps; i++) {
            step(trainer, data, batches.get(i % 4), random);
        }
        long perStep = (GarbageTrigger.totalAllocated() - warmStart) / steps;
        System.out.printf("nd4j conv-20-40 batch %d: first step %,d bytes of result buffers, warm step %,d%n", BATCH,
                first, perStep);
        assertTrue(first > 1_000_000, "the first step allocates its buffers, so the meter counts: " + first);
        assertTrue(perStep * 10 < first, "a warm step allocated " + perStep + " bytes, the first " + first);
    }

    private static void step(Trainer trainer, Dataset data, int[] batch, Random random) {
        trainer.computeGradients(data, batch, random);
        trainer.applyGradients();
    }
}
