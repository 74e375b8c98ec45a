package dev.cnn.backend.cpu;

import static dev.cnn.backend.cpu.TestData.BACKEND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ActivationTest {
    private static final Shape SHAPE = Shape.of(3, 4, 5, 6);
    private static final float ALPHA = 0.1f;

    /** Random values at least 0.05 away from 0, so the kinks at 0 stay out of a finite difference. */
    private static float[] awayFromZero(Random random, int size) {
        float[] x = TestData.uniform(random, size);
        for (int i = 0; i < size; i++) {
            x[i] = x[i] >= 0 ? x[i] * 2f + 0.05f : x[i] * 2f - 0.05f;
        }
        return x;
    }

    private static void assertElementWise(float[] x, Tensor y, DoubleUnaryOperator f) {
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = f.applyAsDouble(x[i]);
        }
        TestData.assertClose(expected, y, SHAPE, 1e-6);
    }

    @Test
    void forwardsMatchTheirFormulas() {
        float[] x = awayFromZero(new Random(31), SHAPE.size());
        Tensor t = BACKEND.tensor(x, SHAPE);
        assertElementWise(x, BACKEND.relu(t), v -> Math.max(v, 0));
        assertElementWise(x, BACKEND.leakyRelu(t, ALPHA), v -> v > 0 ? v : ALPHA * v);
        assertElementWise(x, BACKEND.sigmoid(t), v -> 1 / (1 + Math.exp(-v)));
        assertElementWise(x, BACKEND.tanh(t), Math::tanh);
        assertElementWise(x, BACKEND.softplus(t), v -> Math.log(1 + Math.exp(v)));
    }

    @Test
    void softplusNeitherOverflowsNorUnderflowsToNonsense() {
        Tensor x = BACKEND.tensor(new float[] {1000f, -1000f, 0f}, Shape.of(3));
        float[] y = BACKEND.softplus(x).toArray();
        assertEquals(1000f, y[0]);
        assertEquals(0f, y[1]);
        assertEquals((float) Math.log(2), y[2], 1e-7f);
    }

    @Test
    void reluBackwardPassesGradientOnlyWherePositive() {
        Tensor x = BACKEND.tensor(new float[] {-1f, 0f, 2f}, Shape.of(3));
        Tensor dy = BACKEND.tensor(new float[] {5f, 6f, 7f}, Shape.of(3));
        assertArrayEquals(new float[] {0f, 0f, 7f}, BACKEND.reluBackward(x, dy).toArray());
        assertArrayEquals(new float[] {0.5f, 0.6f, 7f}, BACKEND.leakyReluBackward(x, dy, ALPHA).toArray(), 1e-7f);
    }

    @Test
    void reluBackwardTreatsZerosInfinitiesAndNanAsComparisonsDo() {
        float[] x = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.NaN, Float.intBitsToFloat(0xFFC00000), Float.intBitsToFloat(0x7F800001), Float.MAX_VALUE, -1f, 1f};
        float[] dy = new float[x.length];
        float[] expected = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            dy[i] = i + 1;
            expected[i] = x[i] > 0f ? dy[i] : 0f;
        }
        Shape shape = Shape.of(x.length);
        assertArrayEquals(expected, BACKEND.reluBackward(BACKEND.tensor(x, shape), BACKEND.tensor(dy, shape)).toArray());
    }

    @Test
    void backwardPassesAreTheTrueGradients() {
        Random random = new Random(32);
        float[] x = awayFromZero(random, SHAPE.size());
        float[] dy = TestData.uniform(random, SHAPE.size());
        Tensor xt = BACKEND.tensor(x, SHAPE);
        Tensor dyt = BACKEND.tensor(dy, SHAPE);
        check("relu", x, dy, BACKEND.reluBackward(xt, dyt), t -> BACKEND.relu(t), random);
        check("leakyRelu", x, dy, BACKEND.leakyReluBackward(xt, dyt, ALPHA), t -> BACKEND.leakyRelu(t, ALPHA), random);
        check("sigmoid", x, dy, BACKEND.sigmoidBackward(BACKEND.sigmoid(xt), dyt), t -> BACKEND.sigmoid(t), random);
        check("tanh", x, dy, BACKEND.tanhBackward(BACKEND.tanh(xt), dyt), t -> BACKEND.tanh(t), random);
    }

    private static void check(String what, float[] x, float[] dy, Tensor analytic, UnaryOperator<Tensor> forward,
                              Random random) {
        GradientCheck.check(what, x, v -> forward.apply(BACKEND.tensor(v, SHAPE)).toArray(), dy, analytic.toArray(), 40, random);
    }

    @Test
    void largeTensorsSplitAcrossThreadsGiveTheSameValues() {
        Random random = new Random(33);
        Shape big = Shape.of(64, 20, 24, 24);
        float[] x = TestData.uniform(random, big.size());
        float[] y = BACKEND.relu(BACKEND.tensor(x, big)).toArray();
        for (int i = 0; i < x.length; i++) {
            assertEquals(Math.max(x[i], 0f), y[i]);
        }
    }
}
