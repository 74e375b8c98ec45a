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

    /**
     * {@link #weightedSum} for a 3x3 filter on lines {@code rowStride} apart: {@code shifts} of
     * {@code ki * rowStride + kj}. The default builds the table and calls {@link #weightedSum}.
     */
    default void weightedSum3x3(float[] line, int rowStride, float[] weights, int wOff, float[] out, int outOff, int n,
                                boolean accumulate) {
        int[] shifts = new int[9];
        for (int t = 0; t < 9; t++) {
            shifts[t] = t / 3 * rowStride + t % 3;
        }
        weightedSum(line, shifts, weights, wOff, 9, out, outOff, n, accumulate);
    }

    /** {@code sum over q < n of a[aOff + q] * b[bOff + q]}, in a fixed order of partial sums. */
    float dot(float[] a, int aOff, float[] b, int bOff, int n);
}
