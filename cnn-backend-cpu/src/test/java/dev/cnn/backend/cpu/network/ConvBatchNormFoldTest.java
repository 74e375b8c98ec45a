package dev.cnn.backend.cpu.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.layers.BatchNorm;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.DepthwiseConv2D;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.layers.SeparableConv2D;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Inference with batch normalisation folded into the convolution before it gives what the two layers give. */
class ConvBatchNormFoldTest {
    private static final Shape IMAGE = Shape.of(3, 9, 8);
    private final Backend cpu = Backends.select("cpu");

    @Test
    void foldedInferenceGivesWhatTheTwoLayersGive() {
        for (boolean bias : new boolean[] {false, true}) {
            GraphNetwork net = network(bias);
            Random random = new Random(5);
            randomise(net, random);
            Tensor images = images(random, 4);
            float[] folded = net.forward(Map.of("image", images), false).get("classes").toArray();
            Map<String, Tensor> unfolded = net.activations(Map.of("image", images));
            float[] expected = unfolded.get("classes").toArray();
            assertClose(expected, folded, "bias " + bias);
            float[] convOutput = unfolded.get("conv").toArray();
            float[] normOutput = unfolded.get("norm").toArray();
            assertTrue(differ(convOutput, normOutput), "activations() must show the convolution's own output");
        }
    }

    @Test
    void foldingFollowsTheParametersAsTheyChange() {
        GraphNetwork net = network(false);
        Random random = new Random(6);
        Tensor images = images(random, 2);
        randomise(net, random);
        net.forward(Map.of("image", images), false);
        randomise(net, random);
        float[] folded = net.forwardTransient(Map.of("image", images), false).get("classes").toArray();
        assertClose(net.activations(Map.of("image", images)).get("classes").toArray(), folded, "after a change");
    }

    @Test
    void inferenceRunsTheFoldedConvolutionAndTrainingDoesNot() {
        AtomicInteger biasedCalls = new AtomicInteger();
        AtomicInteger reluCalls = new AtomicInteger();
        Backend counting = (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(),
                new Class<?>[] {Backend.class}, (proxy, method, args) -> {
                    if (method.getName().equals("conv2dWithBiasReluInto")) {
                        biasedCalls.incrementAndGet();
                    }
                    if (method.getName().startsWith("relu")) {
                        reluCalls.incrementAndGet();
                    }
                    try {
                        return method.invoke(cpu, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        GraphNetwork net = network(false, counting);
        Tensor images = images(new Random(7), 2);
        net.forward(Map.of("image", images), true);
        assertEquals(0, biasedCalls.get(), "training must run the convolution without bias, as configured");
        assertEquals(1, reluCalls.get(), "training runs the ReLU itself");
        net.forward(Map.of("image", images), false);
        assertEquals(1, biasedCalls.get(),
                "inference must run the convolution with the normalisation and the ReLU after it folded in");
        assertEquals(1, reluCalls.get(), "inference must not run the folded ReLU again");
    }

    @Test
    void aSeparableConvolutionFoldsTheNormalisationIntoItsPointwiseFilter() {
        for (boolean bias : new boolean[] {false, true}) {
            GraphNetwork net = separableNetwork(bias, cpu);
            Random random = new Random(9);
            randomise(net, random);
            Tensor images = images(random, 3);
            float[] folded = net.forward(Map.of("image", images), false).get("classes").toArray();
            Map<String, Tensor> unfolded = net.activations(Map.of("image", images));
            assertClose(unfolded.get("classes").toArray(), folded, "separable, bias " + bias);
            AtomicInteger fusedCalls = new AtomicInteger();
            Backend counting = (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(),
                    new Class<?>[] {Backend.class}, (proxy, method, args) -> {
                        if (method.getName().equals("conv2dWithBiasReluInto")) {
                            fusedCalls.incrementAndGet();
                        }
                        try {
                            return method.invoke(cpu, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            GraphNetwork countingNet = separableNetwork(bias, counting);
            countingNet.forward(Map.of("image", images), false);
            assertEquals(1, fusedCalls.get(), "inference must run the pointwise step with the normalisation folded in");
            assertTrue(differ(unfolded.get("conv").toArray(), unfolded.get("norm").toArray()),
                    "activations() must show the convolution's own output");
        }
    }

    @Test
    void aReluThatAnotherNodeAlsoReadsIsNotFolded() {
        GraphNetwork net = new GraphBuilder().addInput("image", IMAGE)
                .add("conv", Conv2D.of(5, 3).withPadding(1), "image")
                .add("norm", BatchNorm.of(), "conv")
                .add("relu", new ReLU(), "norm")
                .add("flat", new Flatten(), "norm")
                .add("classes", Dense.of(3), "flat")
                .add("flat_relu", new Flatten(), "relu")
                .add("other", Dense.of(2), "flat_relu")
                .setOutputs("classes", "other").optSeed(4).build(cpu);
        Random random = new Random(8);
        randomise(net, random);
        Tensor images = images(random, 3);
        Map<String, Tensor> inferred = net.forward(Map.of("image", images), false);
        Map<String, Tensor> unfolded = net.activations(Map.of("image", images));
        assertClose(unfolded.get("classes").toArray(), inferred.get("classes").toArray(), "the normalisation's reader");
        assertClose(unfolded.get("other").toArray(), inferred.get("other").toArray(), "the ReLU's reader");
    }

    private static GraphNetwork separableNetwork(boolean bias, Backend backend) {
        return new GraphBuilder().addInput("image", IMAGE)
                .add("conv", new SeparableConv2D(4, new DepthwiseConv2D(3, 3, 2, 1, 1, 1, 1, 1, 1, false, null), bias),
                        "image")
                .add("norm", BatchNorm.of(), "conv")
                .add("relu", new ReLU(), "norm")
                .add("flat", new Flatten(), "relu")
                .add("classes", Dense.of(3), "flat")
                .setOutputs("classes").optSeed(5).build(backend);
    }

    private GraphNetwork network(boolean bias) {
        return network(bias, cpu);
    }

    private GraphNetwork network(boolean bias, Backend backend) {
        return new GraphBuilder().addInput("image", IMAGE)
                .add("conv", Conv2D.of(5, 3).withPadding(1).withBias(bias), "image")
                .add("norm", BatchNorm.of(), "conv")
                .add("relu", new ReLU(), "norm")
                .add("flat", new Flatten(), "relu")
                .add("classes", Dense.of(3), "flat")
                .setOutputs("classes")
                .optSeed(3)
                .build(backend);
    }

    /** Gives every parameter, running statistics included, random values (variances positive). */
    private void randomise(GraphNetwork net, Random random) {
        for (Map.Entry<String, Parameter> entry : net.parameters().entrySet()) {
            Parameter p = entry.getValue();
            float[] values = new float[p.shape().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = entry.getKey().endsWith("variance") ? 0.2f + random.nextFloat()
                        : (float) random.nextGaussian();
            }
            p.setValue(cpu.tensor(values, p.shape()));
        }
    }

    private Tensor images(Random random, int count) {
        float[] values = new float[count * IMAGE.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return cpu.tensor(values, Shape.of(count, 3, 9, 8));
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = 1e-4 * Math.max(1, Math.abs(expected[i]));
            assertTrue(Math.abs(expected[i] - actual[i]) <= tolerance,
                    what + ": element " + i + " expected " + expected[i] + " but was " + actual[i]);
        }
    }

    private static boolean differ(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-3) {
                return true;
            }
        }
        return false;
    }
}
