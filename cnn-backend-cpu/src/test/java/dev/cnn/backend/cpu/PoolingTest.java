package dev.cnn.backend.cpu;

import static dev.cnn.backend.cpu.TestData.BACKEND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cnn.api.backend.PoolGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolingTest {

    private static final String CASES = """
            2, 3, 8, 8, 2, 2, 2, 2, 0, 0
            2, 2, 7, 9, 3, 3, 2, 2, 1, 1
            1, 3, 6, 5, 3, 2, 1, 2, 2, 1
            3, 2, 5, 5, 2, 3, 3, 1, 0, 2
            1, 1, 4, 4, 4, 4, 1, 1, 0, 0
            """;

    @ParameterizedTest(name = "N{0} C{1} {2}x{3} k{4}x{5} s{6}x{7} p{8}x{9}")
    @CsvSource(textBlock = CASES)
    void maxPoolAgreesWithDirectLoops(int n, int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw) {
        PoolGeometry g = new PoolGeometry(kh, kw, sh, sw, ph, pw);
        Shape shape = Shape.of(n, c, h, w);
        Random random = new Random(21);
        float[] x = TestData.uniform(random, shape.size());
        Shape outShape = g.outputShape(shape);
        int[] argMax = new int[outShape.size()];
        double[] expected = NaiveKernels.maxPool(x, n * c, h, w, g, argMax);
        TestData.assertClose(expected, BACKEND.maxPool2d(BACKEND.tensor(x, shape), g), outShape, 0);

        float[] dy = TestData.uniform(random, outShape.size());
        double[] expectedDx = new double[x.length];
        for (int i = 0; i < dy.length; i++) {
            expectedDx[argMax[i]] += dy[i];
        }
        Tensor dx = BACKEND.maxPool2dBackward(BACKEND.tensor(x, shape), BACKEND.tensor(dy, outShape), g);
        TestData.assertClose(expectedDx, dx, shape, 1e-6);
    }

    @ParameterizedTest(name = "N{0} C{1} {2}x{3} k{4}x{5} s{6}x{7} p{8}x{9}")
    @CsvSource(textBlock = CASES)
    void avgPoolAgreesWithDirectLoops(int n, int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw) {
        PoolGeometry g = new PoolGeometry(kh, kw, sh, sw, ph, pw);
        Shape shape = Shape.of(n, c, h, w);
        Random random = new Random(22);
        float[] x = TestData.uniform(random, shape.size());
        Shape outShape = g.outputShape(shape);
        TestData.assertClose(NaiveKernels.avgPool(x, n * c, h, w, g), BACKEND.avgPool2d(BACKEND.tensor(x, shape), g),
                outShape, 1e-6);
    }

    @ParameterizedTest(name = "N{0} C{1} {2}x{3} k{4}x{5} s{6}x{7} p{8}x{9}")
    @CsvSource(textBlock = CASES)
    void backwardPassesAreTheTrueGradients(int n, int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw) {
        PoolGeometry g = new PoolGeometry(kh, kw, sh, sw, ph, pw);
        Shape shape = Shape.of(n, c, h, w);
        Shape outShape = g.outputShape(shape);
        Random random = new Random(23);
        float[] x = TestData.distinct(random, shape.size());
        float[] dy = TestData.uniform(random, outShape.size());
        float[] maxGrad = BACKEND.maxPool2dBackward(BACKEND.tensor(x, shape), BACKEND.tensor(dy, outShape), g).toArray();
        GradientCheck.check("maxPool2d", x, v -> BACKEND.maxPool2d(BACKEND.tensor(v, shape), g).toArray(), dy, maxGrad, 40, random);
        float[] avgGrad = BACKEND.avgPool2dBackward(BACKEND.tensor(dy, outShape), g, shape).toArray();
        GradientCheck.check("avgPool2d", x, v -> BACKEND.avgPool2d(BACKEND.tensor(v, shape), g).toArray(), dy, avgGrad, 40, random);
    }

    @Test
    void tiedMaximumTakesTheFirstInRowMajorOrder() {
        Shape shape = Shape.of(1, 1, 2, 4);
        // window 1 is all equal; window 2 ties between its top-right and bottom-left
        Tensor x = BACKEND.tensor(new float[] {3, 3, 1, 5, 3, 3, 5, 2}, shape);
        PoolGeometry g = PoolGeometry.square(2);
        Tensor dy = BACKEND.tensor(new float[] {10, 20}, Shape.of(1, 1, 1, 2));
        assertArrayEquals(new float[] {3, 5}, BACKEND.maxPool2d(x, g).toArray());
        assertArrayEquals(new float[] {10, 0, 0, 20, 0, 0, 0, 0}, BACKEND.maxPool2dBackward(x, dy, g).toArray());
    }

    @Test
    void signedZerosInfinitiesAndNaNPickTheSameElementAsComparingWouldInTheTwoByTwoKernel() {
        float inf = Float.POSITIVE_INFINITY;
        Shape shape = Shape.of(1, 1, 2, 8);
        // windows: zeros of both signs (equal, so the first wins); +inf bottom-left; all -inf; a NaN (equals nothing,
        // so the gradient goes to the last element, as comparing each element with the NaN maximum gives)
        Tensor x = BACKEND.tensor(new float[] {-0f, 0f, 1, 2, -inf, -inf, 1, Float.NaN,
            -0f, 0f, inf, 3, -inf, -inf, 2, 3}, shape);
        Tensor dy = BACKEND.tensor(new float[] {10, 20, 30, 40}, Shape.of(1, 1, 1, 4));
        assertArrayEquals(new float[] {10, 0, 0, 0, 30, 0, 0, 0, 0, 0, 20, 0, 0, 0, 0, 40},
                BACKEND.maxPool2dBackward(x, dy, PoolGeometry.square(2)).toArray());
    }

    @Test
    void paddingNeverWinsAMax() {
        Shape shape = Shape.of(1, 1, 2, 2);
        Tensor x = BACKEND.tensor(new float[] {-4, -3, -2, -1}, shape);
        PoolGeometry g = new PoolGeometry(2, 2, 1, 1, 1, 1);
        assertArrayEquals(new float[] {-4, -3, -3, -2, -1, -1, -2, -1, -1}, BACKEND.maxPool2d(x, g).toArray());
    }

    @Test
    void averageCountsOnlyPositionsInsideTheInput() {
        Tensor x = BACKEND.tensor(new float[] {1, 2, 3, 4}, Shape.of(1, 1, 2, 2));
        PoolGeometry g = new PoolGeometry(2, 2, 2, 2, 1, 1);
        assertArrayEquals(new float[] {1, 2, 3, 4}, BACKEND.avgPool2d(x, g).toArray());
        Tensor dy = BACKEND.tensor(new float[] {1, 1, 1, 1}, Shape.of(1, 1, 2, 2));
        assertArrayEquals(new float[] {1, 1, 1, 1}, BACKEND.avgPool2dBackward(dy, g, x.shape()).toArray());
    }

    @Test
    void overlappingWindowsAddTheirGradients() {
        Tensor x = BACKEND.tensor(new float[] {0, 9, 0}, Shape.of(1, 1, 1, 3));
        PoolGeometry g = new PoolGeometry(1, 2, 1, 1, 0, 0);
        Tensor dy = BACKEND.tensor(new float[] {2, 5}, Shape.of(1, 1, 1, 2));
        assertArrayEquals(new float[] {0, 7, 0}, BACKEND.maxPool2dBackward(x, dy, g).toArray());
    }

    @Test
    void wrongGradientShapeIsRejected() {
        Tensor x = BACKEND.zeros(Shape.of(1, 1, 4, 4));
        Tensor dy = BACKEND.zeros(Shape.of(1, 1, 3, 3));
        var e = assertThrows(IllegalArgumentException.class, () -> BACKEND.maxPool2dBackward(x, dy, PoolGeometry.square(2)));
        assertEquals(true, e.getMessage().contains("[1, 1, 3, 3]") && e.getMessage().contains("[1, 1, 2, 2]"), e.getMessage());
    }
}
