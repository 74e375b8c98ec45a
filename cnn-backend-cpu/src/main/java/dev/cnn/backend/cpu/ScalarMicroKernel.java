package dev.cnn.backend.cpu;

/**
 * The plain-Java micro-kernel, for JVMs without the {@code jdk.incubator.vector} module: a 4 x 4 tile
 * in sixteen scalar accumulators.
 */
final class ScalarMicroKernel implements MicroKernel {
    private static final int MR = 4;
    private static final int NR = 4;

    @Override
    public int rows() {
        return MR;
    }

    @Override
    public int cols() {
        return NR;
    }

    @Override
    public void multiply(int kc, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc,
                         boolean accumulate) {
        multiplyStridedA(kc, a, aOff, 1, MR, MR, b, bOff, c, cOff, ldc, accumulate);
    }

    @Override
    public void multiplyStridedA(int kc, float[] a, int aOff, int rowStride, int stepStride, int rows, float[] b,
                                 int bOff, float[] c, int cOff, int ldc, boolean accumulate) {
        int r0 = MicroKernel.rowStart(aOff, 0, rows, rowStride);
        int r1 = MicroKernel.rowStart(aOff, 1, rows, rowStride);
        int r2 = MicroKernel.rowStart(aOff, 2, rows, rowStride);
        int r3 = MicroKernel.rowStart(aOff, 3, rows, rowStride);
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        float c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        float c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int p = 0, at = 0; p < kc; p++, at += stepStride, bOff += NR) {
            float b0 = b[bOff];
            float b1 = b[bOff + 1];
            float b2 = b[bOff + 2];
            float b3 = b[bOff + 3];
            float a0 = a[r0 + at];
            float a1 = a[r1 + at];
            float a2 = a[r2 + at];
            float a3 = a[r3 + at];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        }
        store(c, cOff, accumulate, c00, c01, c02, c03);
        store(c, cOff + ldc, accumulate, c10, c11, c12, c13);
        store(c, cOff + 2 * ldc, accumulate, c20, c21, c22, c23);
        store(c, cOff + 3 * ldc, accumulate, c30, c31, c32, c33);
    }

    @Override
    public void multiplyOffsetB(int kc, float[] a, int aOff, float[] b, int bOff, int[] rowOffsets, float[] c,
                                int cOff, int ldc, boolean accumulate) {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        float c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        float c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int p = 0, at = aOff; p < kc; p++, at += MR) {
            int row = bOff + rowOffsets[p];
            float b0 = b[row];
            float b1 = b[row + 1];
            float b2 = b[row + 2];
            float b3 = b[row + 3];
            float a0 = a[at];
            float a1 = a[at + 1];
            float a2 = a[at + 2];
            float a3 = a[at + 3];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        }
        store(c, cOff, accumulate, c00, c01, c02, c03);
        store(c, cOff + ldc, accumulate, c10, c11, c12, c13);
        store(c, cOff + 2 * ldc, accumulate, c20, c21, c22, c23);
        store(c, cOff + 3 * ldc, accumulate, c30, c31, c32, c33);
    }

    private static void store(float[] c, int at, boolean accumulate, float v0, float v1, float v2, float v3) {
        if (accumulate) {
            c[at] += v0;
            c[at + 1] += v1;
            c[at + 2] += v2;
            c[at + 3] += v3;
        } else {
            c[at] = v0;
            c[at + 1] = v1;
            c[at + 2] = v2;
            c[at + 3] = v3;
        }
    }

    @Override
    public String description() {
        return "plain Java " + MR + "x" + NR + " (no jdk.incubator.vector module)";
    }
}
