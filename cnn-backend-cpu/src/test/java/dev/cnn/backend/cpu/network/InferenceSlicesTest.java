package dev.cnn.backend.cpu.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.layers.BatchNorm;
import dev.cnn.api.layers.Concatenate;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.network.NodeProfile;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Inference on a batch larger than a slice runs slice by slice and gives, head by head, the bits of the same images
 * run in small batches; training passes are not sliced, and a mismatch between inputs is still reported.
 */
class InferenceSlicesTest {
    private static final Shape IMAGE = Shape.of(2, 64, 64);
    private final Backend cpu = Backends.select("cpu");

    @Test
    void aLargeBatchGivesTheBitsOfSmallBatchesForEveryHead() {
        GraphNetwork net = network();
        Random random = new Random(3);
        int batch = 150;
        float[] pixels = uniform(random, batch * IMAGE.size());
        float[] side = uniform(random, batch * 4);
        NodeProfile passes = new NodeProfile();
        net.profile(passes);
        Map<String, Tensor> whole = net.forward(inputs(pixels, side, 0, batch), false);
        net.profile(null);
        assertEquals(3, passes.forwardPasses(), "150 images of 12,288-float activations run as three slices");
        for (String head : new String[] {"classes", "scores"}) {
            float[] expected = new float[0];
            for (int from = 0; from < batch; from += 30) {
                float[] part = net.forward(inputs(pixels, side, from, 30), false).get(head).toArray();
                expected = concat(expected, part);
            }
            assertEquals(batch, whole.get(head).shape().dim(0), head);
            assertArrayEquals(expected, whole.get(head).toArray(), head);
        }
        Map<String, Tensor> transient1 = net.forwardTransient(inputs(pixels, side, 0, batch), false);
        float[] first = transient1.get("classes").toArray();
        net.forwardTransient(inputs(uniform(random, batch * IMAGE.size()), uniform(random, batch * 4), 0, batch), false);
        assertArrayEquals(first, transient1.get("classes").toArray(), "a sliced pass returns tensors of its own");
        assertNotSame(whole.get("classes"), transient1.get("classes"));
    }

    @Test
    void aBatchWhoseActivationsFitInCacheRunsInOnePass() {
        GraphNetwork net = new GraphBuilder().addInput("pixels", Shape.of(784)).add("hidden", Dense.of(100), "pixels")
                .add("classes", Dense.of(10), "hidden").setOutputs("classes").build(cpu);
        NodeProfile passes = new NodeProfile();
        net.profile(passes);
        net.forward(Map.of("pixels", cpu.tensor(uniform(new Random(6), 256 * 784), Shape.of(256, 784))), false);
        assertEquals(1, passes.forwardPasses(), "256 x 784 floats stay in cache: one pass");
    }

    @Test
    void trainingIsNotSliced() {
        GraphNetwork net = network();
        Random random = new Random(4);
        int batch = 100;
        Map<String, Tensor> in = inputs(uniform(random, batch * IMAGE.size()), uniform(random, batch * 4), 0, batch);
        float[] trained = net.forward(in, true).get("classes").toArray();
        float[] firstSlice = net.forward(inputs(in.get("image").toArray(), in.get("side").toArray(), 0, 64), true)
                .get("classes").toArray();
        // batch normalisation in training uses the batch's statistics: the whole batch differs from its first slice
        assertEquals(false, Arrays.equals(Arrays.copyOf(trained, firstSlice.length), firstSlice));
    }

    @Test
    void inputsOfDifferentBatchSizesAreStillRefused() {
        GraphNetwork net = network();
        Random random = new Random(5);
        Tensor image = cpu.tensor(uniform(random, 100 * IMAGE.size()), IMAGE.withBatch(100));
        Tensor side = cpu.tensor(uniform(random, 90 * 4), Shape.of(90, 4));
        assertThrows(ShapeMismatchException.class, () -> net.forward(Map.of("image", image, "side", side), false));
    }

    private GraphNetwork network() {
        return new GraphBuilder().addInput("image", IMAGE).addInput("side", Shape.of(4))
                .add("conv", Conv2D.of(3, 3).withPadding(1).withBias(false), "image")
                .add("norm", BatchNorm.of(), "conv")
                .add("relu", new ReLU(), "norm")
                .add("flat", new Flatten(), "relu")
                .add("join", new Concatenate(), "flat", "side")
                .add("classes", Dense.of(5), "join")
                .add("scores", Dense.of(2), "side")
                .setOutputs("classes", "scores").optSeed(7).build(cpu);
    }

    private Map<String, Tensor> inputs(float[] pixels, float[] side, int from, int count) {
        return Map.of("image", cpu.tensor(Arrays.copyOfRange(pixels, from * IMAGE.size(), (from + count) * IMAGE.size()),
                IMAGE.withBatch(count)), "side", cpu.tensor(Arrays.copyOfRange(side, from * 4, (from + count) * 4),
                Shape.of(count, 4)));
    }

    private static float[] uniform(Random random, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        return x;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
