package dev.cnn.backend.cpu;

/** Element-wise arithmetic on same-shaped arrays, and the whole-tensor sum. */
final class ElementWise {
    /** The sum is cut into chunks of this many elements, added in order, whatever the thread count. */
    private static final int SUM_CHUNK = 1 << 15;

    private ElementWise() {
    }

    static float[] add(float[] a, float[] b, float[] c) {
        Parallel.forRange(a.length, Activations.MIN_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                c[i] = a[i] + b[i];
            }
        });
        return c;
    }

    /** {@code target += x}. */
    static void addInPlace(float[] target, float[] x) {
        Parallel.forRange(target.length, Activations.MIN_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                target[i] += x[i];
            }
        });
    }

    static float[] subtract(float[] a, float[] b) {
        float[] c = new float[a.length];
        Parallel.forRange(a.length, Activations.MIN_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                c[i] = a[i] - b[i];
            }
        });
        return c;
    }

    static float[] multiply(float[] a, float[] b) {
        float[] c = new float[a.length];
        Parallel.forRange(a.length, Activations.MIN_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                c[i] = a[i] * b[i];
            }
        });
        return c;
    }

    static float[] scale(float[] x, float factor) {
        float[] y = new float[x.length];
        Parallel.forRange(x.length, Activations.MIN_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                y[i] = x[i] * factor;
            }
        });
        return y;
    }

    static double sum(float[] x) {
        int chunks = Math.max(1, (x.length + SUM_CHUNK - 1) / SUM_CHUNK);
        double[] partials = new double[chunks];
        Parallel.forEachTask(chunks, t -> {
            double s = 0.0;
            for (int i = t * SUM_CHUNK, end = Math.min(x.length, (t + 1) * SUM_CHUNK); i < end; i++) {
                s += x[i];
            }
            partials[t] = s;
        });
        double total = 0.0;
        for (double p : partials) {
            total += p;
        }
        return total;
    }
}
