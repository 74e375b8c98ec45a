package dev.cnn.backend.cpu;

import static dev.cnn.backend.cpu.TestData.BACKEND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MatmulTest {

    @ParameterizedTest(name = "[{0}x{2}] x [{2}x{1}] transposeA={3} transposeB={4}")
    @CsvSource({
            "1, 1, 1, false, false",
            "3, 2, 5, false, false",
            "3, 2, 5, true, false",
            "3, 2, 5, false, true",
            "3, 2, 5, true, true",
            "17, 33, 130, false, false",
            "70, 90, 300, false, false",
            "70, 90, 300, true, false",
            "70, 90, 300, false, true",
            "70, 90, 300, true, true",
            "64, 100, 640, false, false",
            "5, 600, 7, true, true"})
    void agreesWithTripleLoop(int m, int n, int k, boolean ta, boolean tb) {
        Random random = new Random(m * 31L + n * 7L + k + (ta ? 1 : 0) + (tb ? 2 : 0));
        float[] a = TestData.uniform(random, m * k);
        float[] b = TestData.uniform(random, k * n);
        Tensor ta1 = BACKEND.tensor(a, ta ? Shape.of(k, m) : Shape.of(m, k));
        Tensor tb1 = BACKEND.tensor(b, tb ? Shape.of(n, k) : Shape.of(k, n));
        Tensor c = BACKEND.matmul(ta1, ta, tb1, tb);
        TestData.assertClose(NaiveKernels.matmul(a, ta, b, tb, m, n, k), c, Shape.of(m, n), 1e-5);
    }

    @Test
    void largeProductIsDeterministic() {
        Random random = new Random(5);
        Tensor a = TestData.tensor(random, 129, 257);
        Tensor b = TestData.tensor(random, 257, 65);
        assertArrayEquals(BACKEND.matmul(a, false, b, false).toArray(), BACKEND.matmul(a, false, b, false).toArray());
    }

    @Test
    void innerDimensionMismatchNamesBothShapes() {
        Random random = new Random(1);
        Tensor a = TestData.tensor(random, 2, 3);
        Tensor b = TestData.tensor(random, 4, 5);
        var e = assertThrows(IllegalArgumentException.class, () -> BACKEND.matmul(a, false, b, false));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 5]"), e.getMessage());
    }

    @Test
    void rejectsRankOtherThanTwo() {
        Random random = new Random(1);
        Tensor a = TestData.tensor(random, 2, 3, 1);
        Tensor b = TestData.tensor(random, 3, 5);
        assertThrows(IllegalArgumentException.class, () -> BACKEND.matmul(a, false, b, false));
    }
}
