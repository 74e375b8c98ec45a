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

    /**
     * {@code sum over q < n of x[off + q]}, in a fixed order of partial sums. The default adds in double, four
     * interleaved partial sums so that the additions overlap.
     */
    default double sum(float[] x, int off, int n) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = off;
        int end = off + n;
        for (; i + 3 < end; i += 4) {
            s0 += x[i];
            s1 += x[i + 1];
            s2 += x[i + 2];
            s3 += x[i + 3];
        }
        for (; i < end; i++) {
            s0 += x[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * {@code sum over q < n of (a[aOff + q] - aCenter) * (b[bOff + q] - bCenter)}, in a fixed order of partial sums.
     * The default multiplies in float and adds in double, as {@link #sum}.
     */
    default double centeredProductSum(float[] a, int aOff, float aCenter, float[] b, int bOff, float bCenter, int n) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int q = 0;
        for (; q + 3 < n; q += 4) {
            s0 += (a[aOff + q] - aCenter) * (b[bOff + q] - bCenter);
            s1 += (a[aOff + q + 1] - aCenter) * (b[bOff + q + 1] - bCenter);
            s2 += (a[aOff + q + 2] - aCenter) * (b[bOff + q + 2] - bCenter);
            s3 += (a[aOff + q + 3] - aCenter) * (b[bOff + q + 3] - bCenter);
        }
        for (; q < n; q++) {
            s0 += (a[aOff + q] - aCenter) * (b[bOff + q] - bCenter);
        }
        return (s0 + s1) + (s2 + s3);
    }
}
