package dev.cnn.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API micro-kernel: a tile of 6 rows by two vectors of the preferred species (6 x 32 with
 * AVX-512, 6 x 16 with AVX2), twelve vector accumulators, which with the two loaded {@code B} vectors
 * and the broadcast {@code A} value fit the sixteen registers of AVX2. Only loaded when the JVM has
 * the {@code jdk.incubator.vector} module. More rows do not pay even with AVX-512's 32 registers: 7 x 32 and 8 x 32
 * tiles (14 and 16 accumulators) ran at 21-24 GFLOP/s against this one's 116 on one thread of a Zen 4, on Java 17 and
 * 25 alike (MicroKernelTimings): past fifteen live vectors the JIT keeps them in memory.
 */
final class VectorMicroKernel implements MicroKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int V = SPECIES.length();
    private static final int MR = 6;
    private static final int NR = 2 * V;

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
        int r4 = MicroKernel.rowStart(aOff, 4, rows, rowStride);
        int r5 = MicroKernel.rowStart(aOff, 5, rows, rowStride);
        FloatVector c00 = FloatVector.zero(SPECIES), c01 = c00;
        FloatVector c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00;
        FloatVector c40 = c00, c41 = c00;
        FloatVector c50 = c00, c51 = c00;
        for (int p = 0, at = 0; p < kc; p++, at += stepStride, bOff += NR) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bOff);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bOff + V);
            FloatVector a0 = FloatVector.broadcast(SPECIES, a[r0 + at]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(SPECIES, a[r1 + at]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(SPECIES, a[r2 + at]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(SPECIES, a[r3 + at]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(SPECIES, a[r4 + at]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(SPECIES, a[r5 + at]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
        }
        store(c, cOff, accumulate, c00, c01);
        store(c, cOff + ldc, accumulate, c10, c11);
        store(c, cOff + 2 * ldc, accumulate, c20, c21);
        store(c, cOff + 3 * ldc, accumulate, c30, c31);
        store(c, cOff + 4 * ldc, accumulate, c40, c41);
        store(c, cOff + 5 * ldc, accumulate, c50, c51);
    }

    @Override
    public void multiplyOffsetB(int kc, float[] a, int aOff, float[] b, int bOff, int[] rowOffsets, float[] c,
                                int cOff, int ldc, boolean accumulate) {
        FloatVector c00 = FloatVector.zero(SPECIES), c01 = c00;
        FloatVector c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00;
        FloatVector c40 = c00, c41 = c00;
        FloatVector c50 = c00, c51 = c00;
        for (int p = 0, at = aOff; p < kc; p++, at += MR) {
            int row = bOff + rowOffsets[p];
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, row);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, row + V);
            FloatVector a0 = FloatVector.broadcast(SPECIES, a[at]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(SPECIES, a[at + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(SPECIES, a[at + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(SPECIES, a[at + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(SPECIES, a[at + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(SPECIES, a[at + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
        }
        store(c, cOff, accumulate, c00, c01);
        store(c, cOff + ldc, accumulate, c10, c11);
        store(c, cOff + 2 * ldc, accumulate, c20, c21);
        store(c, cOff + 3 * ldc, accumulate, c30, c31);
        store(c, cOff + 4 * ldc, accumulate, c40, c41);
        store(c, cOff + 5 * ldc, accumulate, c50, c51);
    }

    private static void store(float[] c, int at, boolean accumulate, FloatVector v0, FloatVector v1) {
        if (accumulate) {
            v0 = v0.add(FloatVector.fromArray(SPECIES, c, at));
            v1 = v1.add(FloatVector.fromArray(SPECIES, c, at + V));
        }
        v0.intoArray(c, at);
        v1.intoArray(c, at + V);
    }

    @Override
    public String description() {
        return "Vector API " + SPECIES.vectorBitSize() + "-bit (" + V + " floats), " + MR + "x" + NR + " tiles";
    }
}
