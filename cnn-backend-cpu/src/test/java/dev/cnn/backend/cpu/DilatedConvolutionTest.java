package dev.cnn.backend.cpu;

import static dev.cnn.backend.cpu.TestData.BACKEND;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dilated {@code conv2d}, forward and both gradients, against direct loops: with and without padding, stride 1 (the
 * table-driven lowering, on a padded copy where padded) and stride 2 (the general lowering), shapes that would
 * otherwise take the wide-grid kernels included.
 */
class DilatedConvolutionTest {

    private static final String CASES = """
            1, 1, 7, 7, 1, 3, 3, 1, 1, 0, 0, 2, 2
            2, 3, 9, 11, 4, 3, 3, 1, 1, 2, 2, 2, 2
            2, 2, 10, 9, 3, 3, 2, 2, 1, 1, 0, 3, 2
            3, 4, 12, 12, 5, 2, 3, 1, 2, 0, 2, 1, 3
            2, 16, 20, 20, 32, 3, 3, 1, 1, 2, 2, 2, 2
            2, 8, 14, 13, 16, 3, 3, 2, 2, 1, 1, 2, 1
            """;

    @ParameterizedTest(name = "N{0} C{1} {2}x{3} O{4} k{5}x{6} s{7}x{8} p{9}x{10} d{11}x{12}")
    @CsvSource(textBlock = CASES)
    void forwardAndGradientsAgreeWithDirectLoops(int n, int c, int h, int w, int o, int kh, int kw, int sh, int sw,
                                                 int ph, int pw, int dh, int dw) {
        ConvGeometry g = new ConvGeometry(sh, sw, ph, pw, dh, dw);
        Shape inputShape = Shape.of(n, c, h, w);
        Shape filterShape = Shape.of(o, c, kh, kw);
        Shape outputShape = g.outputShape(inputShape, filterShape);
        assertEquals((h + 2 * ph - (kh - 1) * dh - 1) / sh + 1, outputShape.dim(2));
        Random random = new Random(h * 31L + w);
        float[] x = TestData.uniform(random, inputShape.size());
        float[] f = TestData.uniform(random, filterShape.size());
        float[] dy = TestData.uniform(random, outputShape.size());
        Tensor input = BACKEND.tensor(x, inputShape);
        Tensor filter = BACKEND.tensor(f, filterShape);
        Tensor outputGradient = BACKEND.tensor(dy, outputShape);
        TestData.assertClose(NaiveKernels.conv2d(x, n, c, h, w, f, o, kh, kw, g), BACKEND.conv2d(input, filter, g),
                outputShape, 1e-5);
        TestData.assertClose(NaiveKernels.conv2dBackwardData(dy, n, c, h, w, f, o, kh, kw, g),
                BACKEND.conv2dBackwardData(outputGradient, filter, g, inputShape), inputShape, 1e-5);
        TestData.assertClose(NaiveKernels.conv2dBackwardFilter(x, dy, n, c, h, w, o, kh, kw, g),
                BACKEND.conv2dBackwardFilter(input, outputGradient, g, filterShape), filterShape, 1e-5);
        var both = BACKEND.conv2dBackward(input, filter, outputGradient, g);
        TestData.assertClose(NaiveKernels.conv2dBackwardData(dy, n, c, h, w, f, o, kh, kw, g), both.input(), inputShape,
                1e-5);
    }

    @ParameterizedTest(name = "k{0} d{1} p{2}")
    @CsvSource({"3, 2, 2", "2, 3, 1"})
    void gradientsAreTheTrueGradients(int k, int d, int p) {
        ConvGeometry g = new ConvGeometry(1, 1, p, p, d, d);
        Shape inputShape = Shape.of(2, 2, 7, 6);
        Shape filterShape = Shape.of(3, 2, k, k);
        Shape outputShape = g.outputShape(inputShape, filterShape);
        Random random = new Random(5);
        float[] x = TestData.uniform(random, inputShape.size());
        float[] f = TestData.uniform(random, filterShape.size());
        float[] dy = TestData.uniform(random, outputShape.size());
        Tensor filter = BACKEND.tensor(f, filterShape);
        float[] dx = BACKEND.conv2dBackwardData(BACKEND.tensor(dy, outputShape), filter, g, inputShape).toArray();
        GradientCheck.check("dilated conv2d input", x, v -> BACKEND.conv2d(BACKEND.tensor(v, inputShape), filter, g)
                .toArray(), dy, dx, 30, random);
        Tensor input = BACKEND.tensor(x, inputShape);
        float[] df = BACKEND.conv2dBackwardFilter(input, BACKEND.tensor(dy, outputShape), g, filterShape).toArray();
        GradientCheck.check("dilated conv2d filter", f, v -> BACKEND.conv2d(input, BACKEND.tensor(v, filterShape), g)
                .toArray(), dy, df, 30, random);
    }
}
