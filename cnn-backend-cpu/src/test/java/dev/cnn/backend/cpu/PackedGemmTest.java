package dev.cnn.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The packed matrix multiply with each micro-kernel this JVM can run, against a triple loop in double. */
class PackedGemmTest {
    private static final int[][] SIZES = {{1, 1, 1}, {2, 3, 3}, {5, 7, 130}, {7, 600, 9}, {9, 31, 257},
        {13, 65, 513}, {40, 64, 500}, {64, 100, 20}};

    static Stream<MicroKernel> kernels() {
        return Stream.of(new ScalarMicroKernel(), MicroKernels.SELECTED, MicroKernels.NARROW).distinct();
    }

    @Test
    void theVectorKernelIsChosenWhenTheModuleIsPresent() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertEquals(module && !"scalar".equals(System.getProperty(MicroKernels.PROPERTY)),
                MicroKernels.SELECTED.getClass().getSimpleName().equals("VectorMicroKernel"),
                MicroKernels.SELECTED.description());
        String bits = System.getProperty("cnn.test.expectedVectorBits");
        if (bits != null) {
            assertEquals(true, MicroKernels.SELECTED.description().contains(bits + "-bit"), MicroKernels.SELECTED.description());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void agreesWithTripleLoopForEveryTransposeAcrossPanelAndSliceEdges(MicroKernel kernel) {
        Random random = new Random(71);
        for (int[] s : SIZES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            for (int form = 0; form < 4; form++) {
                boolean ta = (form & 1) != 0;
                boolean tb = (form & 2) != 0;
                float[] a = TestData.uniform(random, m * k);
                float[] b = TestData.uniform(random, k * n);
                float[] c = multiply(kernel, a, ta, b, tb, m, n, k, 0, m, null);
                TestData.assertClose(NaiveKernels.matmul(a, ta, b, tb, m, n, k), c, 1e-5);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void splittingRowsNeverChangesTheResultAndAccumulateAdds(MicroKernel kernel) {
        Random random = new Random(72);
        int m = 29;
        int n = 70;
        int k = 300;
        float[] a = TestData.uniform(random, m * k);
        float[] b = TestData.uniform(random, k * n);
        float[] whole = multiply(kernel, a, false, b, false, m, n, k, 0, m, null);
        float[] pieces = new float[m * n];
        int mr = kernel.rows();
        for (int from = 0; from < m; from += mr) {
            multiply(kernel, a, false, b, false, m, n, k, from, Math.min(m, from + mr), pieces);
        }
        assertArrayEquals(whole, pieces);
        float[] twice = whole.clone();
        float[] aPacked = new float[Packing.packedASize(m, k, mr)];
        float[] bPacked = new float[Packing.packedBSize(k, n, kernel.cols())];
        Packing.packA(a, 0, k, 1, m, k, mr, aPacked);
        Packing.packB(b, 0, n, 1, k, n, kernel.cols(), bPacked);
        PackedGemm.multiply(kernel, m, n, k, 0, m, aPacked, bPacked, twice, 0, n, true, new float[mr * kernel.cols()]);
        for (int i = 0; i < whole.length; i++) {
            assertEquals(2 * whole[i], twice[i], 1e-4 * Math.max(1, Math.abs(whole[i])), "element " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void readingAWhereItLiesGivesTheBitsOfThePackedA(MicroKernel kernel) {
        Random random = new Random(74);
        int mr = kernel.rows();
        int nr = kernel.cols();
        for (int[] s : SIZES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            for (boolean ta : new boolean[] {false, true}) {
                float[] a = TestData.uniform(random, m * k + 3);
                float[] b = TestData.uniform(random, k * n);
                int rowStride = ta ? 1 : k;
                int stepStride = ta ? m : 1;
                float[] aPacked = new float[Packing.packedASize(m, k, mr)];
                float[] bPacked = new float[Packing.packedBSize(k, n, nr)];
                Packing.packA(a, 3, rowStride, stepStride, m, k, mr, aPacked);
                Packing.packB(b, 0, n, 1, k, n, nr, bPacked);
                float[] packed = new float[m * n];
                PackedGemm.multiply(kernel, m, n, k, 0, m, aPacked, bPacked, packed, 0, n, false, new float[mr * nr]);
                float[] strided = new float[m * n];
                PackedGemm.multiplyStridedA(kernel, m, n, k, 0, m, a, 3, rowStride, stepStride, bPacked, strided, 0, n,
                        false, new float[mr * nr]);
                assertArrayEquals(packed, strided, m + "x" + n + "x" + k + (ta ? ", A transposed" : ""));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void readingBRowsThroughAnOffsetTableSumsTheRowsItNames(MicroKernel kernel) {
        Random random = new Random(75);
        int mr = kernel.rows();
        int nr = kernel.cols();
        for (int kc : new int[] {1, 7, 144}) {
            float[] a = TestData.uniform(random, 2 + kc * mr);
            float[] b = TestData.uniform(random, 5 + 3 * kc + nr);
            int[] offsets = new int[kc];
            for (int p = 0; p < kc; p++) {
                offsets[p] = random.nextInt(3 * kc);
            }
            int ldc = nr + 3;
            float[] c = new float[mr * ldc];
            for (boolean accumulate : new boolean[] {false, true}) {
                float[] before = c.clone();
                kernel.multiplyOffsetB(kc, a, 2, b, 5, offsets, c, 0, ldc, accumulate);
                for (int i = 0; i < mr; i++) {
                    for (int j = 0; j < nr; j++) {
                        double sum = accumulate ? before[i * ldc + j] : 0.0;
                        for (int p = 0; p < kc; p++) {
                            sum += (double) a[2 + p * mr + i] * b[5 + offsets[p] + j];
                        }
                        assertEquals(sum, c[i * ldc + j], 1e-4, kernel.description() + " kc=" + kc + " (" + i + ", "
                                + j + ")");
                    }
                }
            }
        }
    }

    @Test
    void matmulSplitAcrossThreadsGivesTheSameBitsAsOneTask() {
        Random random = new Random(73);
        int m = 64;
        int n = 700;
        int k = 200;
        float[] a = TestData.uniform(random, m * k);
        float[] b = TestData.uniform(random, k * n);
        float[] parallel = MatMul.multiply(a, false, b, false, m, n, k);
        float[] serial = multiply(MicroKernels.SELECTED, a, false, b, false, m, n, k, 0, m, null);
        assertArrayEquals(serial, parallel);
    }

    private static float[] multiply(MicroKernel kernel, float[] a, boolean ta, float[] b, boolean tb, int m, int n,
                                    int k, int rowFrom, int rowTo, float[] into) {
        int mr = kernel.rows();
        int nr = kernel.cols();
        float[] aPacked = new float[Packing.packedASize(m, k, mr)];
        float[] bPacked = new float[Packing.packedBSize(k, n, nr)];
        Packing.packA(a, 0, ta ? 1 : k, ta ? m : 1, m, k, mr, aPacked);
        Packing.packB(b, 0, tb ? 1 : n, tb ? k : 1, k, n, nr, bPacked);
        float[] c = into == null ? new float[m * n] : into;
        PackedGemm.multiply(kernel, m, n, k, rowFrom, rowTo, aPacked, bPacked, c, 0, n, false, new float[mr * nr]);
        return c;
    }
}
