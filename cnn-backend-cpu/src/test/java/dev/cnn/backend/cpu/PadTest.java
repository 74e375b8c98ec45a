package dev.cnn.backend.cpu;

import static dev.cnn.backend.cpu.TestData.BACKEND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.PadGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cpu backend's {@code pad2d} and its gradient, against direct loops and the SPI's default. */
class PadTest {

    @ParameterizedTest(name = "N{0} C{1} {2}x{3} pads {4} {5} {6} {7} value {8}")
    @CsvSource({"1, 1, 2, 3, 1, 0, 2, 1, 0", "2, 3, 5, 4, 0, 2, 0, 3, -1.5", "3, 9, 4, 4, 3, 3, 3, 3, 7",
            "1, 2, 3, 3, 0, 0, 0, 0, 2"})
    void padAgreesWithDirectLoopsAndTheDefault(int n, int c, int h, int w, int top, int bottom, int left, int right,
                                               float value) {
        PadGeometry pads = new PadGeometry(top, bottom, left, right);
        Shape shape = Shape.of(n, c, h, w);
        float[] x = TestData.uniform(new Random(3), shape.size());
        Tensor padded = BACKEND.pad2d(BACKEND.tensor(x, shape), pads, value);
        int ph = h + top + bottom;
        int pw = w + left + right;
        assertEquals(Shape.of(n, c, ph, pw), padded.shape());
        float[] expected = new float[n * c * ph * pw];
        for (int p = 0; p < n * c; p++) {
            for (int r = 0; r < ph; r++) {
                for (int col = 0; col < pw; col++) {
                    int ir = r - top;
                    int ic = col - left;
                    boolean inside = ir >= 0 && ir < h && ic >= 0 && ic < w;
                    expected[(p * ph + r) * pw + col] = inside ? x[(p * h + ir) * w + ic] : value;
                }
            }
        }
        assertArrayEquals(expected, padded.toArray());
        Backend defaults = defaultPadding();
        assertArrayEquals(expected, defaults.pad2d(BACKEND.tensor(x, shape), pads, value).toArray());
        assertArrayEquals(x, BACKEND.pad2dBackward(padded, pads).toArray());
        assertArrayEquals(x, defaults.pad2dBackward(padded, pads).toArray());
    }

    @Test
    void theGradientIsTheTrueGradient() {
        PadGeometry pads = new PadGeometry(1, 2, 0, 1);
        Shape shape = Shape.of(2, 2, 3, 3);
        Random random = new Random(9);
        float[] x = TestData.uniform(random, shape.size());
        float[] dy = TestData.uniform(random, pads.outputShape(shape).size());
        float[] dx = BACKEND.pad2dBackward(BACKEND.tensor(dy, pads.outputShape(shape)), pads).toArray();
        GradientCheck.check("pad2d", x, v -> BACKEND.pad2d(BACKEND.tensor(v, shape), pads, 0.5f).toArray(), dy, dx, 18,
                random);
    }

    @Test
    void badShapesAndNegativePaddingAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new PadGeometry(0, -1, 0, 0));
        assertTrue(e.getMessage().contains("bottom -1"), e.getMessage());
        var rank = assertThrows(IllegalArgumentException.class,
                () -> BACKEND.pad2d(BACKEND.zeros(Shape.of(2, 3)), new PadGeometry(1, 1, 1, 1), 0f));
        assertTrue(rank.getMessage().contains("[N, C, H, W]"), rank.getMessage());
        var small = assertThrows(IllegalArgumentException.class,
                () -> BACKEND.pad2dBackward(BACKEND.zeros(Shape.of(1, 1, 2, 2)), new PadGeometry(1, 1, 0, 0)));
        assertTrue(small.getMessage().contains("larger than the padding"), small.getMessage());
    }

    /** The cpu backend but for padding, which takes the SPI's default methods: to check them against direct loops. */
    private static Backend defaultPadding() {
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, method, args) -> method.getName().startsWith("pad2d")
                        ? InvocationHandler.invokeDefault(proxy, method, args) : method.invoke(BACKEND, args));
    }
}
