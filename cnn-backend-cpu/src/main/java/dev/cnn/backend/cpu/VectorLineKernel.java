package dev.cnn.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API {@link LineKernel}: a vector of outputs holds its sum over all taps in a register, so a weighted sum
 * of nine lines reads each once and writes once. Only loaded when the JVM has the {@code jdk.incubator.vector} module.
 */
final class VectorLineKernel implements LineKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int V = SPECIES.length();
    /** Floats summed in float vectors before the partial sum goes to double: each lane adds at most 64 values. */
    private static final int BLOCK = 64 * 2 * V;

    @Override
    public void weightedSum(float[] line, int[] shifts, float[] weights, int wOff, int taps, float[] out, int outOff,
                            int n, boolean accumulate) {
        int q = 0;
        for (; q + V <= n; q += V) {
            FloatVector sum = accumulate ? FloatVector.fromArray(SPECIES, out, outOff + q) : FloatVector.zero(SPECIES);
            for (int t = 0; t < taps; t++) {
                sum = FloatVector.fromArray(SPECIES, line, shifts[t] + q).fma(FloatVector.broadcast(SPECIES, weights[wOff + t]), sum);
            }
            sum.intoArray(out, outOff + q);
        }
        for (; q < n; q++) {
            float sum = accumulate ? out[outOff + q] : 0f;
            for (int t = 0; t < taps; t++) {
                sum = Math.fma(line[shifts[t] + q], weights[wOff + t], sum);
            }
            out[outOff + q] = sum;
        }
    }

    /** The nine weights stay in registers while the vectors of outputs pass: each vector reads nine loads, one store. */
    @Override
    public void weightedSum3x3(float[] line, int rowStride, float[] weights, int wOff, float[] out, int outOff, int n,
                               boolean accumulate) {
        FloatVector w0 = FloatVector.broadcast(SPECIES, weights[wOff]);
        FloatVector w1 = FloatVector.broadcast(SPECIES, weights[wOff + 1]);
        FloatVector w2 = FloatVector.broadcast(SPECIES, weights[wOff + 2]);
        FloatVector w3 = FloatVector.broadcast(SPECIES, weights[wOff + 3]);
        FloatVector w4 = FloatVector.broadcast(SPECIES, weights[wOff + 4]);
        FloatVector w5 = FloatVector.broadcast(SPECIES, weights[wOff + 5]);
        FloatVector w6 = FloatVector.broadcast(SPECIES, weights[wOff + 6]);
        FloatVector w7 = FloatVector.broadcast(SPECIES, weights[wOff + 7]);
        FloatVector w8 = FloatVector.broadcast(SPECIES, weights[wOff + 8]);
        int r1 = rowStride;
        int r2 = 2 * rowStride;
        int q = 0;
        for (; q + V <= n; q += V) {
            FloatVector sum = accumulate ? FloatVector.fromArray(SPECIES, out, outOff + q) : FloatVector.zero(SPECIES);
            sum = FloatVector.fromArray(SPECIES, line, q).fma(w0, sum);
            sum = FloatVector.fromArray(SPECIES, line, q + 1).fma(w1, sum);
            sum = FloatVector.fromArray(SPECIES, line, q + 2).fma(w2, sum);
            sum = FloatVector.fromArray(SPECIES, line, q + r1).fma(w3, sum);
            sum = FloatVector.fromArray(SPECIES, line, q + r1 + 1).fma(w4, sum);
            sum = FloatVector.fromArray(SPECIES, line, q + r1 + 2).fma(w5, sum);
            sum = FloatVector.fromArray(SPECIES, line, q + r2).fma(w6, sum);
            sum = FloatVector.fromArray(SPECIES, line, q + r2 + 1).fma(w7, sum);
            sum = FloatVector.fromArray(SPECIES, line, q + r2 + 2).fma(w8, sum);
            sum.intoArray(out, outOff + q);
        }
        for (; q < n; q++) {
            float sum = accumulate ? out[outOff + q] : 0f;
            for (int t = 0; t < 9; t++) {
                sum = Math.fma(line[t / 3 * rowStride + t % 3 + q], weights[wOff + t], sum);
            }
            out[outOff + q] = sum;
        }
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        int q = 0;
        for (; q + 2 * V <= n; q += 2 * V) {
            s0 = FloatVector.fromArray(SPECIES, a, aOff + q).fma(FloatVector.fromArray(SPECIES, b, bOff + q), s0);
            s1 = FloatVector.fromArray(SPECIES, a, aOff + q + V).fma(FloatVector.fromArray(SPECIES, b, bOff + q + V), s1);
        }
        float sum = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (; q < n; q++) {
            sum += a[aOff + q] * b[bOff + q];
        }
        return sum;
    }

    /**
     * Sums in two float vectors over blocks of {@link #BLOCK} floats, each block's total added in double: per-channel
     * sums over a batch norm's planes ran at 4.8-6.6 floats/ns in the default's double loop.
     */
    @Override
    public double sum(float[] x, int off, int n) {
        if (n < 2 * V) {
            return LineKernel.super.sum(x, off, n);
        }
        double total = 0.0;
        int q = 0;
        while (q + 2 * V <= n) {
            int blockEnd = Math.min(n, q + BLOCK);
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = s0;
            for (; q + 2 * V <= blockEnd; q += 2 * V) {
                s0 = s0.add(FloatVector.fromArray(SPECIES, x, off + q));
                s1 = s1.add(FloatVector.fromArray(SPECIES, x, off + q + V));
            }
            total += s0.add(s1).reduceLanes(VectorOperators.ADD);
        }
        for (; q < n; q++) {
            total += x[off + q];
        }
        return total;
    }

    /** As {@link #sum}: products and their sums in float vectors over blocks, each block's total added in double. */
    @Override
    public double centeredProductSum(float[] a, int aOff, float aCenter, float[] b, int bOff, float bCenter, int n) {
        if (n < 2 * V) {
            return LineKernel.super.centeredProductSum(a, aOff, aCenter, b, bOff, bCenter, n);
        }
        double total = 0.0;
        int q = 0;
        while (q + 2 * V <= n) {
            int blockEnd = Math.min(n, q + BLOCK);
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = s0;
            for (; q + 2 * V <= blockEnd; q += 2 * V) {
                FloatVector a0 = FloatVector.fromArray(SPECIES, a, aOff + q).sub(aCenter);
                FloatVector a1 = FloatVector.fromArray(SPECIES, a, aOff + q + V).sub(aCenter);
                s0 = a0.fma(FloatVector.fromArray(SPECIES, b, bOff + q).sub(bCenter), s0);
                s1 = a1.fma(FloatVector.fromArray(SPECIES, b, bOff + q + V).sub(bCenter), s1);
            }
            total += s0.add(s1).reduceLanes(VectorOperators.ADD);
        }
        for (; q < n; q++) {
            total += (a[aOff + q] - aCenter) * (b[bOff + q] - bCenter);
        }
        return total;
    }
}
