package dev.cnn.backend.cpu.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The graph runtime's fused backward pass of a ReLU read only by a max pooling. */
class ReluMaxPoolFusionTest {
    private static final String FUSED = "maxPool2dBackwardAfterReluInto";
    private static final Shape IMAGE = Shape.of(2, 12, 12);
    private final Backend cpu = Backends.select("cpu");

    @Test
    void fusedGradientsAreTheBitsOfReluBackwardAfterPoolingBackward() {
        AtomicInteger fusedCalls = new AtomicInteger();
        float[][] fused = gradients(counting(cpu, fusedCalls), false);
        assertTrue(fusedCalls.get() > 0, "the fused kernel never ran");
        float[][] composed = gradients(composingDefault(cpu), false);
        for (int i = 0; i < fused.length; i++) {
            assertArrayEquals(composed[i], fused[i], "parameter " + i);
        }
    }

    @Test
    void aReluAnotherNodeAlsoReadsIsNotFusedAndItsGradientsStayRight() {
        AtomicInteger fusedCalls = new AtomicInteger();
        float[][] twoReaders = gradients(counting(cpu, fusedCalls), true);
        assertEquals(0, fusedCalls.get(), "the ReLU feeds two nodes, so its gradient must not be fused away");
        float[][] composed = gradients(composingDefault(cpu), true);
        for (int i = 0; i < twoReaders.length; i++) {
            assertArrayEquals(composed[i], twoReaders[i], "parameter " + i);
        }
    }

    @Test
    void theLayersANetworkHandsOutKeepTheirOwnBackwardPass() {
        GraphNetwork net = network(cpu, false);
        Tensor x = cpu.tensor(new float[] {-1f, 2f, 0f, 3f}, Shape.of(1, 4));
        net.layer("relu").forward(x, true);
        Tensor g = cpu.tensor(new float[] {5f, 6f, 7f, 8f}, Shape.of(1, 4));
        assertArrayEquals(new float[] {0f, 6f, 0f, 8f}, net.layer("relu").backward(g).toArray());
    }

    /** Every parameter gradient of one backward pass over a fixed batch. */
    private static float[][] gradients(Backend backend, boolean reluReadTwice) {
        GraphNetwork net = network(backend, reluReadTwice);
        Random random = new Random(4);
        float[] images = new float[3 * IMAGE.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        Map<String, Tensor> outputs = net.forward(Map.of("image", backend.tensor(images, Shape.of(3, 2, 12, 12))), true);
        Map<String, Tensor> outputGradients = new java.util.LinkedHashMap<>();
        for (var entry : outputs.entrySet()) {
            float[] g = new float[entry.getValue().shape().size()];
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) random.nextGaussian();
            }
            outputGradients.put(entry.getKey(), backend.tensor(g, entry.getValue().shape()));
        }
        net.backwardToParameters(outputGradients);
        List<float[]> all = new ArrayList<>();
        for (Parameter p : net.parameters().values()) {
            all.add(p.gradient().toArray());
        }
        return all.toArray(float[][]::new);
    }

    private static GraphNetwork network(Backend backend, boolean reluReadTwice) {
        GraphBuilder graph = new GraphBuilder().addInput("image", IMAGE)
                .add("conv", Conv2D.of(4, 3), "image")
                .add("relu", new ReLU(), "conv")
                .add("pool", MaxPool2D.of(2), "relu")
                .add("flat", new Flatten(), "pool")
                .add("classes", Dense.of(3), "flat");
        if (reluReadTwice) {
            graph.add("relu_flat", new Flatten(), "relu").add("side", Dense.of(2), "relu_flat")
                    .setOutputs("classes", "side");
        } else {
            graph.setOutputs("classes");
        }
        return graph.optSeed(9).build(backend);
    }

    /** {@code backend}, counting the calls of the fused kernel. */
    private static Backend counting(Backend backend, AtomicInteger calls) {
        return proxy(backend, (proxy, method, args) -> {
            if (method.getName().equals(FUSED)) {
                calls.incrementAndGet();
            }
            return call(backend, method, args);
        });
    }

    /** {@code backend} with the fused kernel replaced by the interface's default, which composes the two passes. */
    private static Backend composingDefault(Backend backend) {
        return proxy(backend, (proxy, method, args) -> method.getName().equals(FUSED)
                ? InvocationHandler.invokeDefault(proxy, method, args)
                : call(backend, method, args));
    }

    private static Backend proxy(Backend backend, InvocationHandler handler) {
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class}, handler);
    }

    private static Object call(Backend backend, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(backend, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
