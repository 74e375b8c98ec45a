package dev.cnn.backend.cpu;

import static dev.cnn.backend.cpu.TestData.BACKEND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxTest {
    private static final Shape SHAPE = Shape.of(7, 10);

    private static double[] naiveSoftmax(float[] x, int rows, int cols, boolean log) {
        double[] y = new double[x.length];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += Math.exp(x[r * cols + j]);
            }
            for (int j = 0; j < cols; j++) {
                y[r * cols + j] = log ? x[r * cols + j] - Math.log(sum) : Math.exp(x[r * cols + j]) / sum;
            }
        }
        return y;
    }

    @Test
    void softmaxAndLogSoftmaxAgreeWithTheDefinition() {
        float[] x = TestData.uniform(new Random(41), SHAPE.size());
        Tensor t = BACKEND.tensor(x, SHAPE);
        TestData.assertClose(naiveSoftmax(x, 7, 10, false), BACKEND.softmax(t), SHAPE, 1e-6);
        TestData.assertClose(naiveSoftmax(x, 7, 10, true), BACKEND.logSoftmax(t), SHAPE, 1e-6);
    }

    @Test
    void hugeLogitsStayFinite() {
        Tensor x = BACKEND.tensor(new float[] {1000f, 0f, -1000f, 1000f}, Shape.of(2, 2));
        float[] p = BACKEND.softmax(x).toArray();
        float[] logP = BACKEND.logSoftmax(x).toArray();
        assertEquals(1f, p[0]);
        assertEquals(0f, p[1]);
        assertEquals(0f, p[2]);
        assertEquals(1f, p[3]);
        assertEquals(0f, logP[0]);
        assertEquals(-1000f, logP[1]);
        assertEquals(-2000f, logP[2]);
        assertTrue(Float.isFinite(logP[2]));
    }

    @Test
    void softmaxBackwardIsTheTrueGradient() {
        Random random = new Random(42);
        float[] x = TestData.uniform(random, SHAPE.size());
        float[] dy = TestData.uniform(random, SHAPE.size());
        Tensor y = BACKEND.softmax(BACKEND.tensor(x, SHAPE));
        float[] dx = BACKEND.softmaxBackward(y, BACKEND.tensor(dy, SHAPE)).toArray();
        GradientCheck.check("softmax", x, v -> BACKEND.softmax(BACKEND.tensor(v, SHAPE)).toArray(), dy, dx, 40, random);
    }

    @Test
    void requiresRankTwo() {
        assertThrows(IllegalArgumentException.class, () -> BACKEND.softmax(BACKEND.zeros(Shape.of(2, 3, 4))));
    }
}
