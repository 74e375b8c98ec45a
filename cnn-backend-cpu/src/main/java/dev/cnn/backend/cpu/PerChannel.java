package dev.cnn.backend.cpu;

/**
 * Operations along axis 1 of {@code [N, C, ...]}: each item is {@code C} planes of {@code inner}
 * values ({@code inner} is 1 for {@code [N, F]}).
 */
final class PerChannel {
    private PerChannel() {
    }

    static float[] add(float[] x, float[] bias, int batch, int channels, int inner) {
        return scaleShift(x, null, bias, batch, channels, inner);
    }

    /** {@code x * scale[c] + shift[c]}; a null {@code scale} means 1. */
    static float[] scaleShift(float[] x, float[] scale, float[] shift, int batch, int channels, int inner) {
        return scaleShift(x, scale, shift, batch, channels, inner, new float[x.length]);
    }

    /** {@code x * xScale[c] + z * zScale[c] + shift[c]} into {@code y}, in one pass. */
    static float[] scaleAdd(float[] x, float[] xScale, float[] z, float[] zScale, float[] shift, int batch,
                            int channels, int inner, float[] y) {
        Parallel.forRange(batch * channels, Math.max(1, Activations.MIN_CHUNK / inner), (from, to) -> {
            for (int plane = from; plane < to; plane++) {
                int c = plane % channels;
                float s = xScale[c];
                float t = zScale[c];
                float b = shift[c];
                for (int i = plane * inner, end = i + inner; i < end; i++) {
                    y[i] = x[i] * s + z[i] * t + b;
                }
            }
        });
        return y;
    }

    /**
     * Per channel, the sum of {@code (a - aCenter[c]) * (b - bCenter[c])} in double, chunked like {@link #sum} so
     * that the result does not depend on threads.
     */
    static float[] centeredProductSum(float[] a, float[] aCenter, float[] b, float[] bCenter, int batch,
                                      int channels, int inner, float[] out) {
        return reduce(batch, channels, out,
                (c, plane) -> MicroKernels.LINES.centeredProductSum(a, plane * inner, aCenter[c], b, plane * inner, bCenter[c],
                        inner));
    }

    /** The sum of one plane in double: {@code plane} is the index of channel {@code c}'s plane of an image. */
    private interface PlaneSum {
        double of(int c, int plane);
    }

    /**
     * Per-channel sums of {@code planeSum} over the batch in double. The batch is cut into a fixed number of chunks
     * whose partial sums are added in chunk order, so the result does not depend on threads.
     */
    private static float[] reduce(int batch, int channels, float[] out, PlaneSum planeSum) {
        int chunks = Math.min(batch, Parallel.REDUCTION_CHUNKS);
        double[][] partials = new double[chunks][channels];
        Parallel.forEachTask(chunks, t -> {
            double[] partial = partials[t];
            for (int n = Parallel.chunkStart(batch, chunks, t); n < Parallel.chunkStart(batch, chunks, t + 1); n++) {
                for (int c = 0; c < channels; c++) {
                    partial[c] += planeSum.of(c, n * channels + c);
                }
            }
        });
        for (int c = 0; c < channels; c++) {
            double s = 0.0;
            for (int t = 0; t < chunks; t++) {
                s += partials[t][c];
            }
            out[c] = (float) s;
        }
        return out;
    }

    /** {@code x * scale[c] + shift[c]} into {@code y}; a null {@code scale} means 1. */
    static float[] scaleShift(float[] x, float[] scale, float[] shift, int batch, int channels, int inner,
                              float[] y) {
        Parallel.forRange(batch * channels, Math.max(1, Activations.MIN_CHUNK / inner), (from, to) -> {
            for (int plane = from; plane < to; plane++) {
                int c = plane % channels;
                float s = scale == null ? 1f : scale[c];
                float b = shift[c];
                for (int i = plane * inner, end = i + inner; i < end; i++) {
                    y[i] = x[i] * s + b;
                }
            }
        });
        return y;
    }

    /** Per-channel sums in double, chunked as {@link #reduce} does. */
    static float[] sum(float[] x, int batch, int channels, int inner, float[] out) {
        return reduce(batch, channels, out, (c, plane) -> MicroKernels.LINES.sum(x, plane * inner, inner));
    }
}
