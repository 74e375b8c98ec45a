package dev.cnn.backend.cpu;

/**
 * Loops over one line of floats that the JIT does not vectorise by itself, because they read one array at an offset
 * from another it writes: a weighted sum of shifted lines, and a dot product. {@link MicroKernels#LINES} picks the
 * Vector API implementation or the plain-Java one, as for the micro-kernel.
 */
interface LineKernel {
    /**
     * {@code out[outOff + q] (+)= sum over t < taps of weights[wOff + t] * line[shifts[t] + q]} for {@code q < n}.
     *
     * @param accumulate add to {@code out} when true, overwrite it when false
     */
    void weightedSum(float[] line, int[] shifts, float[] weights, int wOff, int taps, float[] out, int outOff, int n,
                     boolean accumulate);

    /** {@code sum over q < n of a[aOff + q] * b[bOff + q]}, in a fixed order of partial sums. */
    float dot(float[] a, int aOff, float[] b, int bOff, int n);
}
