package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.Evaluator;
import dev.cnn.api.layers.BatchNorm;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.FlatParameters;
import dev.cnn.api.train.StepResult;
import dev.cnn.api.train.Trainer;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The step API: gradients and updates as two calls, and the flat views that data-parallel training averages. */
class TrainingStepTest {
    private final Backend cpu = Backends.select("cpu");
    private final Dataset data = Stripes.make(64, 3);

    private Sequential network(long seed) {
        return Sequential.builder().setInputShape(Stripes.SHAPE)
                .add(Conv2D.of(3, 3), BatchNorm.of(), new ReLU(), new Flatten(), Dense.of(3)).optSeed(seed).build(cpu);
    }

    private Trainer trainer(Sequential network, OptimizerConfig optimizer) {
        return Trainer.builder().setNetwork(network).setLoss(Loss.SOFTMAX_CROSS_ENTROPY).setOptimizer(optimizer)
                .optBatchSize(16).build();
    }

    @Test
    void theGradientOfABatchIsTheMeanOfTheGradientsOfItsHalves() {
        Trainer whole = trainer(TrainerTest.smallConvNet(cpu, 1), OptimizerConfig.sgd(0.1, 0));
        StepResult both = whole.computeGradients(data, IntStream.range(0, 32).toArray(), new Random(1));
        float[] expected = whole.flatParameters().gradients();

        Trainer halves = trainer(TrainerTest.smallConvNet(cpu, 1), OptimizerConfig.sgd(0.1, 0));
        FlatParameters flat = halves.flatParameters();
        StepResult first = halves.computeGradients(data, IntStream.range(0, 16).toArray(), new Random(1));
        float[] a = flat.gradients();
        StepResult second = halves.computeGradients(data, IntStream.range(16, 32).toArray(), new Random(1));
        float[] b = flat.gradients();
        float[] mean = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            mean[i] = (a[i] + b[i]) / 2;
        }
        assertEquals(both.loss(), (first.loss() + second.loss()) / 2, 1e-5);
        assertArrayEquals(expected, mean, 1e-5f, "data-parallel averaging of two halves gives the whole batch's gradient");
        assertFalse(java.util.Arrays.equals(a, b), "the halves' gradients differ");
    }

    @Test
    void valuesRoundTripAndRunningStatisticsHaveNoGradient() {
        Sequential network = network(2);
        Trainer trainer = trainer(network, OptimizerConfig.adam(0.01));
        FlatParameters flat = trainer.flatParameters();
        assertEquals(network.parameters().values().stream().mapToInt(p -> p.shape().size()).sum(), flat.size());
        assertEquals(java.util.List.copyOf(network.parameters().keySet()), flat.names());
        float[] values = flat.values();
        values[0] = 42f;
        flat.setValues(values);
        assertEquals(42f, flat.values()[0]);
        trainer.computeGradients(data, IntStream.range(0, 16).toArray(), new Random(1));
        float[] gradients = flat.gradients();
        int at = 0;
        for (var entry : network.parameters().entrySet()) {
            int n = entry.getValue().shape().size();
            if (!entry.getValue().trainable()) {
                for (int i = at; i < at + n; i++) {
                    assertEquals(0f, gradients[i], entry.getKey() + " has no gradient");
                }
            }
            at += n;
        }
        assertThrows(IllegalArgumentException.class, () -> flat.setValues(new float[3]));
    }

    @Test
    void gradientsSetThroughTheFlatViewAreWhatTheOptimizerApplies() {
        Sequential network = network(3);
        Trainer trainer = trainer(network, OptimizerConfig.sgd(0.5, 0));
        FlatParameters flat = trainer.flatParameters();
        float[] before = flat.values();
        float[] gradients = new float[flat.size()];
        gradients[0] = 1f;
        flat.setGradients(gradients);
        trainer.applyGradients();
        float[] after = flat.values();
        assertEquals(before[0] - 0.5f, after[0], 1e-6);
        assertEquals(before[1], after[1], 0f, "a zero gradient leaves the weight alone");
    }

    @Test
    void aCustomLoopWithTheStepApiLearns() {
        Sequential network = network(4);
        Trainer trainer = trainer(network, OptimizerConfig.adam(0.01));
        Dataset train = Stripes.make(300, 5);
        Random random = new Random(7);
        for (int epoch = 0; epoch < 8; epoch++) {
            for (int from = 0; from < train.size(); from += 20) {
                StepResult step = trainer.computeGradients(train, IntStream.range(from, from + 20).toArray(), random);
                assertTrue(step.finite(), "loss " + step.loss());
                trainer.applyGradients();
            }
        }
        double accuracy = Evaluator.evaluate(network, Loss.SOFTMAX_CROSS_ENTROPY, Stripes.make(100, 6), 50).accuracy();
        assertTrue(accuracy > 0.9, "accuracy " + accuracy);
    }

    @Test
    void aDivergedStepLeavesTheGradientsAlone() {
        Sequential network = network(5);
        Trainer trainer = trainer(network, OptimizerConfig.sgd(0.1, 0));
        float[] pixels = data.gatherFeatures(IntStream.range(0, 8).toArray());
        pixels[3] = Float.NaN;
        Dataset poisoned = new Dataset(data.sampleShape(), pixels, java.util.Arrays.copyOf(data.labels(), 8), data.classNames());
        StepResult step = trainer.computeGradients(poisoned, IntStream.range(0, 8).toArray(), new Random(1));
        assertFalse(step.finite());
        assertArrayEquals(new float[trainer.flatParameters().size()], trainer.flatParameters().gradients());
    }

    @Test
    void aDatasetSplitsIntoDisjointPartsTheSameWayForTheSameSeed() {
        Dataset all = Stripes.make(50, 9);
        Dataset[] a = all.split(0.2, 4);
        Dataset[] b = all.split(0.2, 4);
        assertEquals(40, a[0].size());
        assertEquals(10, a[1].size());
        assertArrayEquals(a[1].gatherFeatures(IntStream.range(0, 10).toArray()), b[1].gatherFeatures(IntStream.range(0, 10).toArray()));
        assertFalse(java.util.Arrays.equals(a[1].gatherFeatures(IntStream.range(0, 10).toArray()),
                all.split(0.2, 5)[1].gatherFeatures(IntStream.range(0, 10).toArray())), "another seed, another split");
        assertThrows(IllegalArgumentException.class, () -> all.split(0.001, 1), "nothing to validate on");
        assertThrows(IllegalArgumentException.class, () -> all.split(1, 1));
    }
}
