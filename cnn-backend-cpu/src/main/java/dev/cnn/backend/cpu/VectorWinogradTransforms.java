package dev.cnn.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
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
    /**
     * Lanes {@code 0, 0, 1, 1, ...} (and from the middle on, for the second half): the first or second half of a
     * vector, each lane twice. Zipping two vectors is this on each and a blend of the odd lanes; the two-vector {@code
     * rearrange} is not intrinsic on AVX2 in Java 17 (measured: 24 KB allocated and 7.5x the time for 4,096 floats).
     */
    private static final VectorShuffle<Float> TWICE_LOW = twice(0);
    private static final VectorShuffle<Float> TWICE_HIGH = twice(V / 2);
    private static final VectorMask<Float> ODD_LANES = oddLanes();

    private static VectorShuffle<Float> twice(int from) {
        int[] lanes = new int[V];
        for (int n = 0; n < V; n++) {
            lanes[n] = from + n / 2;
        }
        return VectorShuffle.fromArray(SPECIES, lanes, 0);
    }

    private static VectorMask<Float> oddLanes() {
        boolean[] odd = new boolean[V];
        for (int n = 0; n < V; n++) {
            odd[n] = n % 2 == 1;
        }
        return VectorMask.fromArray(SPECIES, odd, 0);
    }

    @Override
    public void input(float[] phases, int channels, int channelStride, int phaseStride, int pw, int t, float[] v,
                      int cols, int xiStride) {
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
                transformRow(phases, e, o, row0, row2, false, v, to, xiStride, 0);
                transformRow(phases, e, o, row1, row2, true, v, to, xiStride, 1);
                transformRow(phases, e, o, row2, row1, false, v, to, xiStride, 2);
                transformRow(phases, e, o, row1, row3, false, v, to, xiStride, 3);
            }
        }
    }

    /**
     * Row {@code i} of {@code V}: its four columns from tile rows {@code first} and {@code second} (their sum when
     * {@code add}, else their difference), then the same transform over the columns. Vectors never cross a call
     * boundary here: a helper returning one, when the JIT did not inline it, boxed it (the transforms took 43 us an
     * image of vgg-small's 32 -> 32 at 28x28 that way).
     */
    private static void transformRow(float[] p, int e, int o, int first, int second, boolean add, float[] v,
                                     int to, int xiStride, int i) {
        FloatVector e0 = FloatVector.fromArray(SPECIES, p, e + first);
        FloatVector e1 = FloatVector.fromArray(SPECIES, p, e + second);
        FloatVector o0 = FloatVector.fromArray(SPECIES, p, o + first);
        FloatVector o1 = FloatVector.fromArray(SPECIES, p, o + second);
        FloatVector t0 = add ? e0.add(e1) : e0.sub(e1);
        FloatVector t1 = add ? o0.add(o1) : o0.sub(o1);
        FloatVector e2 = FloatVector.fromArray(SPECIES, p, e + first + 1);
        FloatVector e3 = FloatVector.fromArray(SPECIES, p, e + second + 1);
        FloatVector o2 = FloatVector.fromArray(SPECIES, p, o + first + 1);
        FloatVector o3 = FloatVector.fromArray(SPECIES, p, o + second + 1);
        FloatVector t2 = add ? e2.add(e3) : e2.sub(e3);
        FloatVector t3 = add ? o2.add(o3) : o2.sub(o3);
        int at = to + 4 * i * xiStride;
        t0.sub(t2).intoArray(v, at);
        t1.add(t2).intoArray(v, at + xiStride);
        t2.sub(t1).intoArray(v, at + 2 * xiStride);
        t1.sub(t3).intoArray(v, at + 3 * xiStride);
    }

    @Override
    public void output(float[] m, int outputs, int xiStride, int cols, float[] out, int plane, int t) {
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

    /**
     * Row {@code row} of {@code Y}: column {@code j} of {@code A^T m} is {@code m0 + m1 + m2} for row 0, {@code m1 -
     * m2 - m3} for row 1 (the rows of {@code m} at {@code at} and 4, 8 and 12 positions on), then the same over the
     * columns.
     */
    private static void outputRow(float[] m, int at, int xiStride, int row, float[] out, int to, int phaseStride) {
        int r1 = at + 4 * xiStride;
        int r2 = at + 8 * xiStride;
        int r3 = at + 12 * xiStride;
        FloatVector a0;
        FloatVector a1;
        FloatVector a2;
        FloatVector a3;
        if (row == 0) {
            a0 = load(m, at).add(load(m, r1)).add(load(m, r2));
            a1 = load(m, at + xiStride).add(load(m, r1 + xiStride)).add(load(m, r2 + xiStride));
            a2 = load(m, at + 2 * xiStride).add(load(m, r1 + 2 * xiStride)).add(load(m, r2 + 2 * xiStride));
            a3 = load(m, at + 3 * xiStride).add(load(m, r1 + 3 * xiStride)).add(load(m, r2 + 3 * xiStride));
        } else {
            a0 = load(m, r1).sub(load(m, r2)).sub(load(m, r3));
            a1 = load(m, r1 + xiStride).sub(load(m, r2 + xiStride)).sub(load(m, r3 + xiStride));
            a2 = load(m, r1 + 2 * xiStride).sub(load(m, r2 + 2 * xiStride)).sub(load(m, r3 + 2 * xiStride));
            a3 = load(m, r1 + 3 * xiStride).sub(load(m, r2 + 3 * xiStride)).sub(load(m, r3 + 3 * xiStride));
        }
        a0.add(a1).add(a2).intoArray(out, to);
        a1.sub(a2).sub(a3).intoArray(out, to + phaseStride);
    }

    /** A vector load, small enough that the JIT always inlines it. */
    private static FloatVector load(float[] a, int at) {
        return FloatVector.fromArray(SPECIES, a, at);
    }

    @Override
    public void interleave(float[] even, int e, float[] odd, int o, float[] out, int to, int width, float bias,
                           boolean add) {
        int j = 0;
        for (; 2 * (j + V) <= width; j += V) {
            FloatVector a = FloatVector.fromArray(SPECIES, even, e + j);
            FloatVector b = FloatVector.fromArray(SPECIES, odd, o + j);
            FloatVector low = a.rearrange(TWICE_LOW).blend(b.rearrange(TWICE_LOW), ODD_LANES);
            FloatVector high = a.rearrange(TWICE_HIGH).blend(b.rearrange(TWICE_HIGH), ODD_LANES);
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
