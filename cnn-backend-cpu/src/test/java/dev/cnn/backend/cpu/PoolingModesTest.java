package dev.cnn.backend.cpu;

import static dev.cnn.backend.cpu.TestData.BACKEND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cnn.api.backend.PoolGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ceil-mode pooling and averages that count the padding, against direct loops and finite differences. */
class PoolingModesTest {

    private static final String CASES = """
            2, 3, 7, 7, 2, 2, 2, 2, 0, 0, true, false
            2, 2, 8, 9, 3, 3, 2, 2, 1, 1, true, true
            1, 3, 6, 5, 3, 2, 2, 3, 1, 1, false, true
            3, 2, 10, 5, 3, 3, 3, 2, 1, 0, true, true
            1, 1, 5, 5, 3, 3, 2, 2, 1, 1, true, false
            """;

    @ParameterizedTest(name = "N{0} C{1} {2}x{3} k{4}x{5} s{6}x{7} p{8}x{9} ceil {10} include {11}")
    @CsvSource(textBlock = CASES)
    void poolingAgreesWithDirectLoopsAndFiniteDifferences(int n, int c, int h, int w, int kh, int kw, int sh, int sw,
                                                          int ph, int pw, boolean ceil, boolean include) {
        PoolGeometry g = new PoolGeometry(kh, kw, sh, sw, ph, pw, ceil, include);
        Shape shape = Shape.of(n, c, h, w);
        Shape outShape = g.outputShape(shape);
        Random random = new Random(41);
        float[] x = TestData.distinct(random, shape.size());
        int[] argMax = new int[outShape.size()];
        TestData.assertClose(NaiveKernels.maxPool(x, n * c, h, w, g, argMax), BACKEND.maxPool2d(BACKEND.tensor(x, shape),
                g), outShape, 0);
        TestData.assertClose(NaiveKernels.avgPool(x, n * c, h, w, g), BACKEND.avgPool2d(BACKEND.tensor(x, shape), g),
                outShape, 1e-6);
        float[] dy = TestData.uniform(random, outShape.size());
        float[] maxGrad = BACKEND.maxPool2dBackward(BACKEND.tensor(x, shape), BACKEND.tensor(dy, outShape), g).toArray();
        GradientCheck.check("maxPool2d", x, v -> BACKEND.maxPool2d(BACKEND.tensor(v, shape), g).toArray(), dy, maxGrad,
                40, random);
        float[] avgGrad = BACKEND.avgPool2dBackward(BACKEND.tensor(dy, outShape), g, shape).toArray();
        GradientCheck.check("avgPool2d", x, v -> BACKEND.avgPool2d(BACKEND.tensor(v, shape), g).toArray(), dy, avgGrad,
                40, random);
    }

    @Test
    void ceilModeKeepsTheLastPartialWindowAndDropsOneStartingInThePadding() {
        PoolGeometry ceil = new PoolGeometry(2, 2, 2, 2, 0, 0).withCeilMode(true);
        assertEquals(Shape.of(1, 1, 4, 4), ceil.outputShape(Shape.of(1, 1, 7, 7)));
        assertEquals(Shape.of(1, 1, 3, 3), new PoolGeometry(2, 2, 2, 2, 0, 0).outputShape(Shape.of(1, 1, 7, 7)));
        // kernel 2, stride 2, padding 1 on 5 cells: rounding up would give 4 windows, the last starting at cell 5,
        // which is the trailing padding, so ONNX and PyTorch keep 3; on 6 cells with kernel 3 the fourth starts at
        // cell 5, inside, and stays
        assertEquals(3, new PoolGeometry(2, 2, 2, 2, 1, 1, true, false).outputHeight(5));
        assertEquals(4, new PoolGeometry(3, 3, 2, 2, 1, 1, true, false).outputHeight(6));
        Tensor x = BACKEND.tensor(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, Shape.of(1, 1, 3, 3));
        assertArrayEquals(new float[] {5, 6, 8, 9}, BACKEND.maxPool2d(x, ceil).toArray());
        assertArrayEquals(new float[] {3, 4.5f, 7.5f, 9}, BACKEND.avgPool2d(x, ceil).toArray());
    }

    @Test
    void countingThePaddingDividesByTheWholeWindowInsideThePaddedInput() {
        Tensor x = BACKEND.tensor(new float[] {4, 8, 12, 16}, Shape.of(1, 1, 2, 2));
        PoolGeometry g = new PoolGeometry(2, 2, 2, 2, 1, 1);
        assertArrayEquals(new float[] {4, 8, 12, 16}, BACKEND.avgPool2d(x, g).toArray());
        assertArrayEquals(new float[] {1, 2, 3, 4}, BACKEND.avgPool2d(x, g.withCountIncludePad(true)).toArray());
        // a ceil-mode window reaching past the padding counts only the cells inside the padded input (PyTorch)
        PoolGeometry pastPadding = new PoolGeometry(3, 3, 2, 2, 1, 1, true, true);
        Tensor y = BACKEND.tensor(new float[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9}, Shape.of(1, 1, 4, 4));
        assertEquals(Shape.of(1, 1, 3, 3), pastPadding.outputShape(y.shape()));
        assertEquals(9f * 4 / 9, BACKEND.avgPool2d(y, pastPadding).toArray()[0], 1e-6);
        // the last window, rows and columns 3 to 5: one input cell, one of padding, one past it, so 9 / (2 x 2)
        assertEquals(9f / 4, BACKEND.avgPool2d(y, pastPadding).toArray()[8], 1e-6);
    }
}
