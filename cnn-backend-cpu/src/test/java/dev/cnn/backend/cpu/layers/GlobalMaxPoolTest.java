package dev.cnn.backend.cpu.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.check.GradientCheck;
import dev.cnn.api.check.GradientCheckResult;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layers.GlobalMaxPool2D;
import dev.cnn.api.tensor.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** global_max_pool2d: the largest value of each map, and its gradient to that value alone. */
class GlobalMaxPoolTest {
    private final Backend cpu = Backends.select("cpu");

    @Test
    void eachMapGivesItsMaximum() {
        Layer layer = new GlobalMaxPool2D().build(Shape.of(2, 2, 3), cpu, new Random(1));
        float[] maps = {1, 5, 2, -1, 0, 3, -4, -2, -3, -9, -8, -7};
        float[] out = layer.forward(cpu.tensor(maps, Shape.of(1, 2, 2, 3)), false).toArray();
        assertArrayEquals(new float[] {5, -2}, out);
        float[] gradient = layer.backward(cpu.tensor(new float[] {10, 20}, Shape.of(1, 2))).toArray();
        assertArrayEquals(new float[] {0, 10, 0, 0, 0, 0, 0, 20, 0, 0, 0, 0}, gradient);
    }

    @Test
    void backwardMatchesFiniteDifferences() {
        GradientCheckResult result = GradientCheck.forFloat32().checkLayer(new GlobalMaxPool2D(), Shape.of(3, 4, 5), 8,
                true, cpu, 7);
        assertTrue(result.passed(), result::toString);
    }
}
