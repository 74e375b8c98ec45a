package dev.cnn.backend.cpu;

/** The plain-Java {@link LineKernel}, for JVMs without the {@code jdk.incubator.vector} module. */
final class ScalarLineKernel implements LineKernel {
    @Override
    public void weightedSum(float[] line, int[] shifts, float[] weights, int wOff, int taps, float[] out, int outOff,
                            int n, boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(out, outOff, outOff + n, 0f);
        }
        for (int t = 0; t < taps; t++) {
            float w = weights[wOff + t];
            int shift = shifts[t];
            for (int q = 0; q < n; q++) {
                out[outOff + q] += w * line[shift + q];
            }
        }
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int q = 0;
        for (; q + 4 <= n; q += 4) {
            s0 += a[aOff + q] * b[bOff + q];
            s1 += a[aOff + q + 1] * b[bOff + q + 1];
            s2 += a[aOff + q + 2] * b[bOff + q + 2];
            s3 += a[aOff + q + 3] * b[bOff + q + 3];
        }
        for (; q < n; q++) {
            s0 += a[aOff + q] * b[bOff + q];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
