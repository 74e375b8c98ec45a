package dev.cnn.backend.cpu.reuse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.layers.Add;
import dev.cnn.api.layers.Concatenate;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphConfig;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.network.Network;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import dev.cnn.api.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Reusing buffers changes no number and no tensor a user holds: training with them ends bit for bit where training
 * without them (every kernel result new) ends, on a graph where a node feeds several others, a layer is shared by
 * two nodes and Add and Concatenate merge; and what forward, backward and the parameters' gradients returned keeps
 * its values through later training steps.
 */
class BufferReuseTest {
    private static final Shape IMAGE = Shape.of(2, 8, 8);
    private static final int BATCH = 8;
    private final Backend cpu = Backends.select("cpu");
    private final Dataset data = ReuseTestData.random(IMAGE, BATCH * 4, 3, 5);

    /** r1 feeds a, sum and cat; a2 shares a's layer; Add of three, Concatenate of two. */
    static GraphConfig graph() {
        return new GraphBuilder().addInput("x", IMAGE)
                .add("stem", Conv2D.of(4, 3).withPadding(1), "x")
                .add("r1", new ReLU(), "stem")
                .add("a", Conv2D.of(4, 3).withPadding(1), "r1")
                .add("ra", new ReLU(), "a")
                .addShared("a2", "a", "ra")
                .add("sum", new Add(), "r1", "ra", "a2")
                .add("cat", new Concatenate(), "sum", "r1")
                .add("pool", MaxPool2D.of(2), "cat")
                .add("flat", new Flatten(), "pool")
                .add("hidden", Dense.of(6), "flat")
                .add("rh", new ReLU(), "hidden")
                .add("logits", Dense.of(3), "rh").optSeed(7).config();
    }

    private Trainer trainer(Network network) {
        return Trainer.builder().setNetwork(network).setLoss(Loss.SOFTMAX_CROSS_ENTROPY)
                .setOptimizer(OptimizerConfig.adam(0.01)).optBatchSize(BATCH).build();
    }

    private List<Double> train(Network network, int steps) {
        Trainer trainer = trainer(network);
        Random random = new Random(0);
        List<Double> losses = new ArrayList<>();
        for (int b = 0; b < steps; b++) {
            losses.add(trainer.computeGradients(data, ReuseTestData.batch(b % 4, BATCH), random).loss());
            trainer.applyGradients();
        }
        return losses;
    }

    @Test
    void aGraphTrainsBitForBitAsWithoutReuse() {
        GraphNetwork reusing = GraphNetwork.of(graph(), cpu, 7);
        GraphNetwork fresh = GraphNetwork.of(graph(), FreshResultsBackend.of(cpu), 7);
        assertEquals(train(fresh, 6), train(reusing, 6));
        for (var entry : fresh.parameters().entrySet()) {
            assertArrayEquals(entry.getValue().value().toArray(), reusing.parameters().get(entry.getKey()).value().toArray(),
                    entry.getKey());
        }
    }

    @Test
    void conv2040TrainsBitForBitAsWithoutReuse() {
        Dataset mnist = ReuseTestData.random(Shape.of(1, 28, 28), 32, 10, 9);
        Trainer reusing = trainer(TrainingStepAllocationTest.conv2040(cpu));
        Trainer fresh = trainer(TrainingStepAllocationTest.conv2040(FreshResultsBackend.of(cpu)));
        for (int b = 0; b < 6; b++) {
            int[] batch = ReuseTestData.batch(b % 4, BATCH);
            assertEquals(fresh.computeGradients(mnist, batch, new Random(b)).loss(),
                    reusing.computeGradients(mnist, batch, new Random(b)).loss(), "step " + b);
            assertArrayEquals(fresh.flatParameters().gradients(), reusing.flatParameters().gradients(), "step " + b);
            fresh.applyGradients();
            reusing.applyGradients();
        }
        assertArrayEquals(fresh.flatParameters().values(), reusing.flatParameters().values());
    }

    @Test
    void whatForwardBackwardAndGradientsReturnedKeepsItsValuesThroughLaterSteps() {
        GraphNetwork network = GraphNetwork.of(graph(), cpu, 7);
        Trainer trainer = trainer(network);
        trainer.computeGradients(data, ReuseTestData.batch(0, BATCH), new Random(0));
        Parameter weight = network.parameters().get("a.weight");
        Tensor gradient = weight.gradient();
        float[] gradientBefore = gradient.toArray();
        trainer.applyGradients();

        Tensor input = cpu.tensor(data.gatherFeatures(ReuseTestData.batch(1, BATCH)), IMAGE.withBatch(BATCH));
        Tensor output = network.forward(input, true);
        float[] outputBefore = output.toArray();
        Map<String, Tensor> activations = network.activations(Map.of("x", input));
        float[] stemBefore = activations.get("stem").toArray();
        Tensor inputGradient = network.backward(cpu.tensor(new float[BATCH * 3], Shape.of(BATCH, 3)));
        network.forwardTransient(Map.of("x", input), true);
        Tensor transientGradient = network.backward(Map.of("logits", cpu.tensor(new float[BATCH * 3],
                Shape.of(BATCH, 3)))).get("x");
        float[] transientGradientBefore = transientGradient.toArray();
        float[] inputGradientBefore = inputGradient.toArray();

        train(network, 3);
        assertArrayEquals(gradientBefore, gradient.toArray(), "a gradient handed out is never overwritten");
        assertFalse(java.util.Arrays.equals(gradientBefore, weight.gradient().toArray()), "later steps have new gradients");
        assertArrayEquals(outputBefore, output.toArray(), "forward's output");
        assertArrayEquals(stemBefore, activations.get("stem").toArray(), "an activation");
        assertArrayEquals(inputGradientBefore, inputGradient.toArray(), "backward's input gradient");
        assertArrayEquals(transientGradientBefore, transientGradient.toArray(), "backward's after a transient pass");
    }
}
