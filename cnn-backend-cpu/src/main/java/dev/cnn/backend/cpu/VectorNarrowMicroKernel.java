package dev.cnn.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A Vector API micro-kernel one vector wide: a tile of 8 rows by one vector of the preferred species (8 x 16 with
 * AVX-512), for products with at most one vector of columns, where {@link VectorMicroKernel}'s two vectors would be
 * half padding: the filter gradient of a convolution with 16 output channels (resnet-small's first block) on
 * AVX-512. Only loaded when the JVM has the {@code jdk.incubator.vector} module.
 */
final class VectorNarrowMicroKernel implements MicroKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int MR = 8;
    private static final int NR = SPECIES.length();

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
        int r6 = MicroKernel.rowStart(aOff, 6, rows, rowStride);
        int r7 = MicroKernel.rowStart(aOff, 7, rows, rowStride);
        FloatVector c0 = FloatVector.zero(SPECIES);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        FloatVector c6 = c0;
        FloatVector c7 = c0;
        for (int p = 0, at = 0; p < kc; p++, at += stepStride, bOff += NR) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bOff);
            c0 = FloatVector.broadcast(SPECIES, a[r0 + at]).fma(b0, c0);
            c1 = FloatVector.broadcast(SPECIES, a[r1 + at]).fma(b0, c1);
            c2 = FloatVector.broadcast(SPECIES, a[r2 + at]).fma(b0, c2);
            c3 = FloatVector.broadcast(SPECIES, a[r3 + at]).fma(b0, c3);
            c4 = FloatVector.broadcast(SPECIES, a[r4 + at]).fma(b0, c4);
            c5 = FloatVector.broadcast(SPECIES, a[r5 + at]).fma(b0, c5);
            c6 = FloatVector.broadcast(SPECIES, a[r6 + at]).fma(b0, c6);
            c7 = FloatVector.broadcast(SPECIES, a[r7 + at]).fma(b0, c7);
        }
        store(c, cOff, accumulate, c0);
        store(c, cOff + ldc, accumulate, c1);
        store(c, cOff + 2 * ldc, accumulate, c2);
        store(c, cOff + 3 * ldc, accumulate, c3);
        store(c, cOff + 4 * ldc, accumulate, c4);
        store(c, cOff + 5 * ldc, accumulate, c5);
        store(c, cOff + 6 * ldc, accumulate, c6);
        store(c, cOff + 7 * ldc, accumulate, c7);
    }

    @Override
    public void multiplyOffsetB(int kc, float[] a, int aOff, float[] b, int bOff, int[] rowOffsets, float[] c,
                                int cOff, int ldc, boolean accumulate) {
        FloatVector c0 = FloatVector.zero(SPECIES);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        FloatVector c6 = c0;
        FloatVector c7 = c0;
        for (int p = 0, at = aOff; p < kc; p++, at += MR) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bOff + rowOffsets[p]);
            c0 = FloatVector.broadcast(SPECIES, a[at]).fma(b0, c0);
            c1 = FloatVector.broadcast(SPECIES, a[at + 1]).fma(b0, c1);
            c2 = FloatVector.broadcast(SPECIES, a[at + 2]).fma(b0, c2);
            c3 = FloatVector.broadcast(SPECIES, a[at + 3]).fma(b0, c3);
            c4 = FloatVector.broadcast(SPECIES, a[at + 4]).fma(b0, c4);
            c5 = FloatVector.broadcast(SPECIES, a[at + 5]).fma(b0, c5);
            c6 = FloatVector.broadcast(SPECIES, a[at + 6]).fma(b0, c6);
            c7 = FloatVector.broadcast(SPECIES, a[at + 7]).fma(b0, c7);
        }
        store(c, cOff, accumulate, c0);
        store(c, cOff + ldc, accumulate, c1);
        store(c, cOff + 2 * ldc, accumulate, c2);
        store(c, cOff + 3 * ldc, accumulate, c3);
        store(c, cOff + 4 * ldc, accumulate, c4);
        store(c, cOff + 5 * ldc, accumulate, c5);
        store(c, cOff + 6 * ldc, accumulate, c6);
        store(c, cOff + 7 * ldc, accumulate, c7);
    }

    private static void store(float[] c, int at, boolean accumulate, FloatVector v) {
        (accumulate ? v.add(FloatVector.fromArray(SPECIES, c, at)) : v).intoArray(c, at);
    }

    @Override
    public String description() {
        return "Vector API " + SPECIES.vectorBitSize() + "-bit, " + MR + "x" + NR + " tiles";
    }
}
