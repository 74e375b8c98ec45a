package dev.cnn.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.tensor.Shape;
import org.junit.jupiter.api.Test;

/** The kit's comparisons fail when they must, and say where and by how much. */
class AgreementTest {
    private static final Shape SHAPE = Shape.of(2, 1, 2, 3);

    @Test
    void namesTheFirstDifferingElementByMultiIndex() {
        float[] expected = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        float[] actual = expected.clone();
        actual[7] = 7.5f;
        actual[9] = 100f;
        AssertionError e = assertThrows(AssertionError.class, () -> Agreement.assertAgree("conv2d",
                "input [2, 1, 2, 3]", Tolerance.of(1e-4, 1e-4), SHAPE, expected, SHAPE, actual));
        String message = e.getMessage();
        assertTrue(message.contains("conv2d disagrees"), message);
        assertTrue(message.contains("case: input [2, 1, 2, 3]"), message);
        assertTrue(message.contains("first difference at [1, 0, 0, 1] (flat 7): expected 7.0, actual 7.5"), message);
        assertTrue(message.contains("2 of 12 elements differ"), message);
        assertTrue(message.contains("largest difference 91.0 at [1, 0, 1, 0]"), message);
    }

    @Test
    void reportsShapeMismatch() {
        float[] values = new float[12];
        AssertionError e = assertThrows(AssertionError.class, () -> Agreement.assertAgree("reshape", "c",
                Tolerance.EXACT, SHAPE, values, Shape.of(12), values));
        assertTrue(e.getMessage().contains("shape: expected [2, 1, 2, 3], actual [12]"), e.getMessage());
    }

    @Test
    void toleranceTreatsNanAndInfinityStrictly() {
        Tolerance loose = Tolerance.of(1, 1);
        assertTrue(loose.allows(Float.NaN, Float.NaN));
        assertTrue(!loose.allows(0, Float.NaN));
        assertTrue(!loose.allows(Float.POSITIVE_INFINITY, 1e30));
        assertTrue(loose.allows(10, 20.5) && !loose.allows(10, 21.5));
    }

    @Test
    void detectsModifiedInputs() {
        AssertionError e = assertThrows(AssertionError.class, () -> Agreement.assertUnchanged("relu", "c",
                Shape.of(3), new float[] {1, -2, 3}, new float[] {1, 0, 3}));
        assertTrue(e.getMessage().contains("relu modified one of its inputs [3]"), e.getMessage());
        assertTrue(e.getMessage().contains("first change at [1]: was -2.0, now 0.0"), e.getMessage());
    }

    @Test
    void multiIndexIsRowMajor() {
        assertArrayEquals(new int[] {1, 0, 1, 2}, Agreement.multiIndex(SHAPE, 11));
    }
}
