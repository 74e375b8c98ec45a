package dev.cnn.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The blocked kernel itself, with and without fused multiply-add, whichever the hardware has. */
class GemmTest {

    @ParameterizedTest(name = "fused={0}")
    @ValueSource(booleans = {false, true})
    void bothKernelsAgreeWithTripleLoopAcrossBlockEdges(boolean fused) {
        Random random = new Random(61);
        int[][] sizes = {{1, 1, 1}, {2, 3, 3}, {5, 7, 130}, {7, 600, 9}, {9, 31, 257}};
        for (int[] s : sizes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            float[] a = TestData.uniform(random, m * k);
            float[] b = TestData.uniform(random, k * n);
            float[] c = new float[m * n];
            Gemm.multiply(0, m, n, k, a, 0, k, 1, b, 0, c, 0, false, fused);
            TestData.assertClose(NaiveKernels.matmul(a, false, b, false, m, n, k), c, 1e-5);
            float[] cT = new float[m * n];
            float[] aT = new float[m * k];
            Gemm.transpose(a, m, k, aT);
            Gemm.multiply(0, m, n, k, aT, 0, 1, m, b, 0, cT, 0, false, fused);
            assertArrayEquals(c, cT, "reading A through its transpose gives the same bits");
        }
    }

    @ParameterizedTest(name = "fused={0}")
    @ValueSource(booleans = {false, true})
    void splittingRowsNeverChangesTheResult(boolean fused) {
        Random random = new Random(62);
        int m = 11;
        int n = 40;
        int k = 150;
        float[] a = TestData.uniform(random, m * k);
        float[] b = TestData.uniform(random, k * n);
        float[] whole = new float[m * n];
        Gemm.multiply(0, m, n, k, a, 0, k, 1, b, 0, whole, 0, false, fused);
        float[] pieces = new float[m * n];
        int[] cuts = {0, 1, 4, 5, 8, 11};
        for (int i = 0; i + 1 < cuts.length; i++) {
            Gemm.multiply(cuts[i], cuts[i + 1], n, k, a, 0, k, 1, b, 0, pieces, 0, false, fused);
        }
        assertArrayEquals(whole, pieces);
    }

    @ParameterizedTest(name = "fused={0}")
    @ValueSource(booleans = {false, true})
    void accumulateAddsToTheExistingProduct(boolean fused) {
        float[] a = {1, 2, 3, 4};
        float[] b = {1, 0, 0, 1};
        float[] c = {10, 10, 10, 10};
        Gemm.multiply(0, 2, 2, 2, a, 0, 2, 1, b, 0, c, 0, true, fused);
        assertArrayEquals(new float[] {11, 12, 13, 14}, c);
    }
}
