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
}
