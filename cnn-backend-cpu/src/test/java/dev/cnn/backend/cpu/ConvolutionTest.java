package dev.cnn.backend.cpu;

import static dev.cnn.backend.cpu.TestData.BACKEND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvolutionTest {

    /** One convolution problem: sizes, geometry and random data. */
    private static final class Case {
        final int n, c, h, w, o, kh, kw;
        final ConvGeometry g;
        final Shape inputShape, filterShape, outputShape;
        final float[] input, filter, outputGradient;

        Case(int n, int c, int h, int w, int o, int kh, int kw, int sh, int sw, int ph, int pw, long seed) {
            this.n = n;
            this.c = c;
            this.h = h;
            this.w = w;
            this.o = o;
            this.kh = kh;
            this.kw = kw;
            g = new ConvGeometry(sh, sw, ph, pw);
            inputShape = Shape.of(n, c, h, w);
            filterShape = Shape.of(o, c, kh, kw);
            outputShape = g.outputShape(inputShape, filterShape);
            Random random = new Random(seed);
            input = TestData.uniform(random, inputShape.size());
            filter = TestData.uniform(random, filterShape.size());
            outputGradient = TestData.uniform(random, outputShape.size());
        }

        Tensor input() {
            return BACKEND.tensor(input, inputShape);
        }

        Tensor filter() {
            return BACKEND.tensor(filter, filterShape);
        }

        Tensor outputGradient() {
            return BACKEND.tensor(outputGradient, outputShape);
        }
    }

    private static final String CASES = """
            1, 1, 5, 5, 1, 3, 3, 1, 1, 0, 0
            3, 2, 7, 6, 4, 3, 2, 1, 1, 0, 0
            2, 3, 9, 11, 5, 5, 5, 2, 2, 2, 2
            2, 2, 8, 7, 3, 3, 3, 2, 1, 1, 2
            2, 4, 5, 6, 3, 1, 1, 1, 1, 0, 0
            1, 1, 4, 4, 2, 2, 2, 1, 1, 3, 3
            1, 2, 6, 6, 2, 2, 3, 3, 2, 0, 1
            20, 3, 8, 8, 5, 3, 3, 1, 1, 1, 1
            3, 1, 28, 28, 6, 5, 5, 1, 1, 0, 0
            2, 3, 9, 8, 4, 3, 3, 2, 1, 0, 0
            2, 20, 12, 12, 7, 5, 5, 1, 1, 0, 0
            3, 8, 9, 7, 13, 3, 3, 1, 1, 1, 1
            2, 7, 6, 11, 5, 3, 5, 1, 1, 2, 1
            2, 6, 5, 5, 4, 1, 1, 1, 1, 1, 2
            5, 32, 14, 14, 64, 3, 3, 1, 1, 1, 1
            2, 13, 4, 4, 3, 2, 2, 1, 1, 2, 0
            3, 16, 14, 14, 32, 3, 3, 2, 2, 1, 1
            2, 16, 14, 13, 32, 1, 1, 2, 2, 0, 0
            2, 9, 11, 10, 7, 3, 4, 3, 2, 1, 2
            2, 6, 7, 9, 8, 5, 3, 2, 3, 0, 0
            """;

    @ParameterizedTest(name = "N{0} C{1} {2}x{3} O{4} k{5}x{6} s{7}x{8} p{9}x{10}")
    @CsvSource(textBlock = CASES)
    void forwardAgreesWithDirectLoops(int n, int c, int h, int w, int o, int kh, int kw, int sh, int sw, int ph, int pw) {
        Case t = new Case(n, c, h, w, o, kh, kw, sh, sw, ph, pw, 11);
        Tensor out = BACKEND.conv2d(t.input(), t.filter(), t.g);
        TestData.assertClose(NaiveKernels.conv2d(t.input, n, c, h, w, t.filter, o, kh, kw, t.g), out, t.outputShape, 1e-5);
    }

    @ParameterizedTest(name = "N{0} C{1} {2}x{3} O{4} k{5}x{6} s{7}x{8} p{9}x{10}")
    @CsvSource(textBlock = CASES)
    void backwardDataAgreesWithDirectLoops(int n, int c, int h, int w, int o, int kh, int kw, int sh, int sw, int ph, int pw) {
        Case t = new Case(n, c, h, w, o, kh, kw, sh, sw, ph, pw, 12);
        Tensor dx = BACKEND.conv2dBackwardData(t.outputGradient(), t.filter(), t.g, t.inputShape);
        TestData.assertClose(NaiveKernels.conv2dBackwardData(t.outputGradient, n, c, h, w, t.filter, o, kh, kw, t.g),
                dx, t.inputShape, 1e-5);
    }

    @ParameterizedTest(name = "N{0} C{1} {2}x{3} O{4} k{5}x{6} s{7}x{8} p{9}x{10}")
    @CsvSource(textBlock = CASES)
    void backwardFilterAgreesWithDirectLoops(int n, int c, int h, int w, int o, int kh, int kw, int sh, int sw, int ph, int pw) {
        Case t = new Case(n, c, h, w, o, kh, kw, sh, sw, ph, pw, 13);
        Tensor df = BACKEND.conv2dBackwardFilter(t.input(), t.outputGradient(), t.g, t.filterShape);
        TestData.assertClose(NaiveKernels.conv2dBackwardFilter(t.input, t.outputGradient, n, c, h, w, o, kh, kw, t.g),
                df, t.filterShape, 1e-5);
    }

    @ParameterizedTest(name = "N{0} C{1} {2}x{3} O{4} k{5}x{6} s{7}x{8} p{9}x{10}")
    @CsvSource({
            "2, 2, 6, 5, 3, 3, 3, 1, 1, 1, 1",
            "2, 7, 5, 6, 3, 3, 3, 1, 1, 1, 1",
            "2, 7, 7, 8, 3, 3, 3, 2, 2, 1, 1",
            "2, 3, 7, 8, 2, 3, 2, 2, 1, 1, 0"})
    void backwardPassesAreTheTrueGradients(int n, int c, int h, int w, int o, int kh, int kw, int sh, int sw, int ph, int pw) {
        Case t = new Case(n, c, h, w, o, kh, kw, sh, sw, ph, pw, 14);
        Random random = new Random(3);
        float[] dx = BACKEND.conv2dBackwardData(t.outputGradient(), t.filter(), t.g, t.inputShape).toArray();
        GradientCheck.check("conv2d input", t.input,
                x -> BACKEND.conv2d(BACKEND.tensor(x, t.inputShape), t.filter(), t.g).toArray(),
                t.outputGradient, dx, 30, random);
        float[] df = BACKEND.conv2dBackwardFilter(t.input(), t.outputGradient(), t.g, t.filterShape).toArray();
        GradientCheck.check("conv2d filter", t.filter,
                f -> BACKEND.conv2d(t.input(), BACKEND.tensor(f, t.filterShape), t.g).toArray(),
                t.outputGradient, df, 30, random);
    }

    @Test
    void backwardFilterIsBitIdenticalAcrossRuns() {
        Case t = new Case(64, 20, 12, 12, 40, 5, 5, 1, 1, 0, 0, 15);
        float[] first = BACKEND.conv2dBackwardFilter(t.input(), t.outputGradient(), t.g, t.filterShape).toArray();
        for (int run = 0; run < 3; run++) {
            assertArrayEquals(first, BACKEND.conv2dBackwardFilter(t.input(), t.outputGradient(), t.g, t.filterShape).toArray());
        }
    }

    @Test
    void widePathsAreBitIdenticalAcrossRuns() {
        Case t = new Case(37, 16, 10, 9, 20, 3, 3, 1, 1, 1, 1, 16);
        float[] y = BACKEND.conv2d(t.input(), t.filter(), t.g).toArray();
        float[] dx = BACKEND.conv2dBackwardData(t.outputGradient(), t.filter(), t.g, t.inputShape).toArray();
        float[] df = BACKEND.conv2dBackwardFilter(t.input(), t.outputGradient(), t.g, t.filterShape).toArray();
        for (int run = 0; run < 2; run++) {
            assertArrayEquals(y, BACKEND.conv2d(t.input(), t.filter(), t.g).toArray());
            assertArrayEquals(dx, BACKEND.conv2dBackwardData(t.outputGradient(), t.filter(), t.g, t.inputShape).toArray());
            assertArrayEquals(df, BACKEND.conv2dBackwardFilter(t.input(), t.outputGradient(), t.g, t.filterShape).toArray());
        }
    }

    @Test
    void channelMismatchNamesTheShapes() {
        Random random = new Random(2);
        Tensor input = TestData.tensor(random, 1, 3, 5, 5);
        Tensor filter = TestData.tensor(random, 2, 2, 3, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> BACKEND.conv2d(input, filter, new ConvGeometry(1, 1, 0, 0)));
        assertTrue(e.getMessage().contains("[2, 2, 3, 3]"), e.getMessage());
    }

    @Test
    void wrongOutputGradientShapeIsRejected() {
        Random random = new Random(2);
        Tensor filter = TestData.tensor(random, 2, 3, 3, 3);
        Tensor dy = TestData.tensor(random, 1, 2, 4, 4);
        var e = assertThrows(IllegalArgumentException.class,
                () -> BACKEND.conv2dBackwardData(dy, filter, new ConvGeometry(1, 1, 0, 0), Shape.of(1, 3, 5, 5)));
        assertTrue(e.getMessage().contains("[1, 2, 4, 4]") && e.getMessage().contains("[1, 2, 3, 3]"), e.getMessage());
    }
}
