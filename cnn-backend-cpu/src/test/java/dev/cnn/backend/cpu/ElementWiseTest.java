package dev.cnn.backend.cpu;

import static dev.cnn.backend.cpu.TestData.BACKEND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ElementWiseTest {

    @Test
    void arithmeticIsElementByElement() {
        Tensor a = BACKEND.tensor(new float[] {1, 2, 3, 4}, Shape.of(2, 2));
        Tensor b = BACKEND.tensor(new float[] {10, 20, 30, 40}, Shape.of(2, 2));
        assertArrayEquals(new float[] {11, 22, 33, 44}, BACKEND.add(a, b).toArray());
        assertArrayEquals(new float[] {-9, -18, -27, -36}, BACKEND.subtract(a, b).toArray());
        assertArrayEquals(new float[] {10, 40, 90, 160}, BACKEND.multiply(a, b).toArray());
        assertArrayEquals(new float[] {0.5f, 1, 1.5f, 2}, BACKEND.scale(a, 0.5f).toArray());
        assertArrayEquals(new float[] {1, 2, 3, 4}, a.toArray(), "inputs are left unchanged");
    }

    @Test
    void largeArithmeticMatchesScalarLoop() {
        Random random = new Random(51);
        Shape shape = Shape.of(64, 20, 24, 24);
        float[] a = TestData.uniform(random, shape.size());
        float[] b = TestData.uniform(random, shape.size());
        float[] sum = BACKEND.add(BACKEND.tensor(a, shape), BACKEND.tensor(b, shape)).toArray();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i] + b[i], sum[i]);
        }
    }

    @Test
    void sumAccumulatesInDouble() {
        float[] x = new float[1_000_001];
        Arrays.fill(x, 0.1f);
        double expected = 1_000_001 * (double) 0.1f;
        assertEquals(expected, BACKEND.sum(BACKEND.tensor(x, Shape.of(x.length))), 1e-6);
    }

    @Test
    void perChannelOperationsUseAxisOne() {
        Random random = new Random(52);
        for (Shape shape : new Shape[] {Shape.of(5, 3), Shape.of(4, 3, 2, 5), Shape.of(37, 3, 4, 4)}) {
            float[] x = TestData.uniform(random, shape.size());
            float[] scale = TestData.uniform(random, 3);
            float[] shift = TestData.uniform(random, 3);
            int inner = shape.size() / (shape.dim(0) * 3);
            double[] added = new double[x.length];
            double[] scaled = new double[x.length];
            double[] sums = new double[3];
            for (int i = 0; i < x.length; i++) {
                int c = (i / inner) % 3;
                added[i] = x[i] + shift[c];
                scaled[i] = (double) x[i] * scale[c] + shift[c];
                sums[c] += x[i];
            }
            Tensor xt = BACKEND.tensor(x, shape);
            Tensor scaleT = BACKEND.tensor(scale, Shape.of(3));
            Tensor shiftT = BACKEND.tensor(shift, Shape.of(3));
            TestData.assertClose(added, BACKEND.addPerChannel(xt, shiftT), shape, 1e-6);
            TestData.assertClose(scaled, BACKEND.scaleShiftPerChannel(xt, scaleT, shiftT), shape, 1e-6);
            TestData.assertClose(sums, BACKEND.sumPerChannel(xt), Shape.of(3), 1e-6);
        }
    }

    @Test
    void reshapeKeepsValuesAndChangesShape() {
        Tensor x = BACKEND.tensor(new float[] {1, 2, 3, 4, 5, 6}, Shape.of(2, 3));
        Tensor y = BACKEND.reshape(x, Shape.of(3, 1, 2));
        assertEquals(Shape.of(3, 1, 2), y.shape());
        assertArrayEquals(x.toArray(), y.toArray());
    }

    @Test
    void tensorsCopyTheirInputAndHandOutCopies() {
        float[] data = {1, 2, 3};
        Tensor t = BACKEND.tensor(data, Shape.of(3));
        data[0] = 99;
        float[] out = t.toArray();
        out[1] = 99;
        assertArrayEquals(new float[] {1, 2, 3}, t.toArray());
        assertArrayEquals(new float[] {0, 0}, BACKEND.zeros(Shape.of(2)).toArray());
        assertEquals(BACKEND, t.backend());
    }
}
