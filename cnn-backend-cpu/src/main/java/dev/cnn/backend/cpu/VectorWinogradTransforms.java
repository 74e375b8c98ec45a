package dev.cnn.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link WinogradTransforms} in vectors of the preferred species, a vector of consecutive tiles at a time. Each row of
 * a transform is computed from the rows it needs, reloaded from the cache, so that no more than twelve vectors are live:
 * past fifteen, the JIT keeps them in memory (an 8 x 32 micro-kernel, sixteen accumulators, ran at 21 GFLOP/s against
 * the 6 x 32's 116 on Java 17 and 25). Only loaded when the JVM has the {@code jdk.incubator.vector} module.
 */
final class VectorWinogradTransforms implements WinogradTransforms {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int V = SPECIES.length();
    /** Lanes of the first half of two vectors zipped: even lanes from the first, odd from the second. */
    private static final VectorShuffle<Float> ZIP_LOW = zip(0);
    private static final VectorShuffle<Float> ZIP_HIGH = zip(V / 2);

    private static VectorShuffle<Float> zip(int from) {
        int[] lanes = new int[V];
        for (int n = 0; n < V; n++) {
            lanes[n] = from + n / 2 + (n % 2 == 0 ? 0 : V);
        }
        return VectorShuffle.fromArray(SPECIES, lanes, 0);
    }

    @Override
    public void input(float[] phases, int channels, int channelStride, int phaseStride, int pw, int t, float[] v,
                      int cols) {
        int xiStride = channels * cols;
        for (int c = 0; c < channels; c++) {
            int even = c * channelStride + t;
            int odd = even + phaseStride;
            for (int j = 0; j < cols; j += V) {
                int e = even + j;
                int o = odd + j;
                int to = c * cols + j;
                // Rows of the tile: 0 = phase row 0 even, 1 = odd, 2 = phase row 1 even, 3 = odd; columns likewise.
                // B^T d: row 0 = d0 - d2, row 1 = d1 + d2, row 2 = d2 - d1, row 3 = d1 - d3.
                int row0 = 0;
                int row1 = 2 * phaseStride;
                int row2 = pw;
                int row3 = 2 * phaseStride + pw;
                transformRow(phases, e, o, row0, row2, pw, 1, v, to, xiStride, 0);
                transformRow(phases, e, o, row1, row2, pw, 2, v, to, xiStride, 1);
                transformRow(phases, e, o, row2, row1, pw, 3, v, to, xiStride, 2);
                transformRow(phases, e, o, row1, row3, pw, 4, v, to, xiStride, 3);
            }
        }
    }

    /**
     * Row {@code i} of {@code V}: its four columns from the combination {@code kind} of tile rows {@code first} and
     * {@code second} (1: first - second, 2: first + second, 3: first - second with rows swapped as given, 4: first -
     * second), then the same column transform as the rows'.
     */
    private static void transformRow(float[] p, int e, int o, int first, int second, int pw, int kind, float[] v,
                                     int to, int xiStride, int i) {
        FloatVector t0 = combine(p, e + first, e + second, kind);
        FloatVector t1 = combine(p, o + first, o + second, kind);
        FloatVector t2 = combine(p, e + first + 1, e + second + 1, kind);
        FloatVector t3 = combine(p, o + first + 1, o + second + 1, kind);
        int at = to + 4 * i * xiStride;
        t0.sub(t2).intoArray(v, at);
        t1.add(t2).intoArray(v, at + xiStride);
        t2.sub(t1).intoArray(v, at + 2 * xiStride);
        t1.sub(t3).intoArray(v, at + 3 * xiStride);
    }

    private static FloatVector combine(float[] p, int first, int second, int kind) {
        FloatVector a = FloatVector.fromArray(SPECIES, p, first);
        FloatVector b = FloatVector.fromArray(SPECIES, p, second);
        return kind == 2 ? a.add(b) : a.sub(b);
    }

    @Override
    public void output(float[] m, int outputs, int rowsPadded, int cols, float[] out, int plane, int t) {
        int xiStride = rowsPadded * cols;
        for (int o = 0; o < outputs; o++) {
            for (int j = 0; j < cols; j += V) {
                int at = o * cols + j;
                int to = o * plane + t + j;
                // A^T m: row 0 = m0 + m1 + m2, row 1 = m1 - m2 - m3; then the same over the columns.
                outputRow(m, at, xiStride, 0, out, to, plane * outputs);
                outputRow(m, at, xiStride, 1, out, to + 2 * plane * outputs, plane * outputs);
            }
        }
    }

    private static void outputRow(float[] m, int at, int xiStride, int row, float[] out, int to, int phaseStride) {
        FloatVector s0 = rowSum(m, at, xiStride, row, 0);
        FloatVector s1 = rowSum(m, at, xiStride, row, 1);
        FloatVector s2 = rowSum(m, at, xiStride, row, 2);
        FloatVector s3 = rowSum(m, at, xiStride, row, 3);
        s0.add(s1).add(s2).intoArray(out, to);
        s1.sub(s2).sub(s3).intoArray(out, to + phaseStride);
    }

    /** Column {@code j} of {@code A^T m}'s row {@code row}. */
    private static FloatVector rowSum(float[] m, int at, int xiStride, int row, int j) {
        FloatVector m1 = FloatVector.fromArray(SPECIES, m, at + (4 + j) * xiStride);
        FloatVector m2 = FloatVector.fromArray(SPECIES, m, at + (8 + j) * xiStride);
        if (row == 0) {
            return FloatVector.fromArray(SPECIES, m, at + j * xiStride).add(m1).add(m2);
        }
        return m1.sub(m2).sub(FloatVector.fromArray(SPECIES, m, at + (12 + j) * xiStride));
    }

    @Override
    public void interleave(float[] even, int e, float[] odd, int o, float[] out, int to, int width, float bias,
                           boolean add) {
        int j = 0;
        for (; 2 * (j + V) <= width; j += V) {
            FloatVector a = FloatVector.fromArray(SPECIES, even, e + j);
            FloatVector b = FloatVector.fromArray(SPECIES, odd, o + j);
            FloatVector low = a.rearrange(ZIP_LOW, b);
            FloatVector high = a.rearrange(ZIP_HIGH, b);
            int at = to + 2 * j;
            if (add) {
                low = low.add(FloatVector.fromArray(SPECIES, out, at));
                high = high.add(FloatVector.fromArray(SPECIES, out, at + V));
            } else {
                low = low.add(bias);
                high = high.add(bias);
            }
            low.intoArray(out, at);
            high.intoArray(out, at + V);
        }
        for (int x = 2 * j; x < width; x++) {
            float value = (x & 1) == 0 ? even[e + (x >> 1)] : odd[o + (x >> 1)];
            if (add) {
                out[to + x] += value;
            } else {
                out[to + x] = value + bias;
            }
        }
    }
}
