package dev.cnn.backend.cpu;

/** Element-wise activation functions and their gradients, split over the pool for large tensors. */
final class Activations {
    static final int MIN_CHUNK = 1 << 15;

    private Activations() {
    }

    static float[] relu(float[] x, float[] y) {
        Parallel.forRange(x.length, MIN_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                y[i] = Math.max(x[i], 0f);
            }
        });
        return y;
    }

    /** {@link #relu} of {@code x[from, from + length)} in place, on the calling thread: for a kernel's epilogue. */
    static void reluInPlace(float[] x, int from, int length) {
        for (int i = from, end = from + length; i < end; i++) {
            x[i] = Math.max(x[i], 0f);
        }
    }

    static float[] reluBackward(float[] x, float[] dy, float[] dx) {
        Parallel.forRange(x.length, MIN_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                dx[i] = Float.intBitsToFloat(Float.floatToRawIntBits(dy[i]) & positiveMask(x[i]));
            }
        });
        return dx;
    }

    /**
     * All ones when {@code x > 0}, else zero, without a branch: the bits of a positive float, read as an
     * int, are positive; those of zero, negative floats and NaN are not (NaN counts as not positive).
     */
    private static int positiveMask(float x) {
        int bits = Float.floatToRawIntBits(x);
        int positive = ~((bits - 1) >> 31);
        int notNan = (bits - 0x7F800001) >> 31;
        return positive & notNan;
    }

    static float[] leakyRelu(float[] x, float alpha) {
        float[] y = new float[x.length];
        Parallel.forRange(x.length, MIN_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                y[i] = x[i] > 0f ? x[i] : alpha * x[i];
            }
        });
        return y;
    }

    static float[] leakyReluBackward(float[] x, float[] dy, float alpha) {
        float[] dx = new float[x.length];
        Parallel.forRange(x.length, MIN_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                dx[i] = x[i] > 0f ? dy[i] : alpha * dy[i];
            }
        });
        return dx;
    }

    static float[] sigmoid(float[] x) {
        float[] y = new float[x.length];
        Parallel.forRange(x.length, MIN_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                y[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
            }
        });
        return y;
    }

    static float[] sigmoidBackward(float[] y, float[] dy) {
        float[] dx = new float[y.length];
        Parallel.forRange(y.length, MIN_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                dx[i] = dy[i] * y[i] * (1f - y[i]);
            }
        });
        return dx;
    }

    static float[] tanh(float[] x) {
        float[] y = new float[x.length];
        Parallel.forRange(x.length, MIN_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                y[i] = (float) Math.tanh(x[i]);
            }
        });
        return y;
    }

    static float[] tanhBackward(float[] y, float[] dy) {
        float[] dx = new float[y.length];
        Parallel.forRange(y.length, MIN_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                dx[i] = dy[i] * (1f - y[i] * y[i]);
            }
        });
        return dx;
    }

    /** {@code log(1 + exp(x))} as {@code max(x, 0) + log1p(exp(-|x|))}, which never overflows. */
    static float[] softplus(float[] x) {
        float[] y = new float[x.length];
        Parallel.forRange(x.length, MIN_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                double v = x[i];
                y[i] = (float) (Math.max(v, 0.0) + Math.log1p(Math.exp(-Math.abs(v))));
            }
        });
        return y;
    }
}
