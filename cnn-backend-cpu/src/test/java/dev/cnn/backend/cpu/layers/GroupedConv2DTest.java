package dev.cnn.backend.cpu.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.DepthwiseConv2D;
import dev.cnn.api.layers.GroupedConv2D;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Grouped convolution against its two limits: one group is a conv2d, one group per channel a depthwise conv2d. */
class GroupedConv2DTest {
    private final Backend cpu = Backends.select("cpu");

    private Tensor random(Shape shape, long seed) {
        Random random = new Random(seed);
        float[] v = new float[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return cpu.tensor(v, shape);
    }

    private static void copyWeights(Layer from, Layer to) {
        to.parameters().get(0).setValue(from.parameters().get(0).value());
    }

    @Test
    void oneGroupIsAConv2dAndOneGroupPerChannelIsADepthwiseConv2d() {
        Shape input = Shape.of(4, 6, 5);
        Tensor x = random(input.withBatch(2), 1);
        Layer grouped = GroupedConv2D.of(6, 1, 3).withPadding(1).build(input, cpu, new Random(2));
        Layer conv = Conv2D.of(6, 3).withPadding(1).build(input, cpu, new Random(3));
        copyWeights(grouped, conv);
        assertArrayEquals(conv.forward(x, false).toArray(), grouped.forward(x, false).toArray(), 1e-5f);

        Layer perChannel = GroupedConv2D.of(4, 4, 3).withStride(2).build(input, cpu, new Random(4));
        Layer depthwise = DepthwiseConv2D.of(3).withStride(2).build(input, cpu, new Random(5));
        // grouped weight [4, 1, 3, 3] and depthwise weight [4, 1, 3, 3] hold the same kernels in the same order
        copyWeights(perChannel, depthwise);
        assertArrayEquals(depthwise.forward(x, false).toArray(), perChannel.forward(x, false).toArray(), 1e-5f);
    }

    @Test
    void groupsMustDivideChannelsAndFilters() {
        var e = assertThrows(ShapeMismatchException.class, () -> GroupedConv2D.of(6, 3, 3).outputShape(Shape.of(4, 8, 8)));
        assertTrue(e.getMessage().contains("divisible by 3") && e.getMessage().contains("[4, 8, 8]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GroupedConv2D.of(5, 2, 3));
    }
}
