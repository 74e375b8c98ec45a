package dev.cnn.datasets;

/**
 * The weights that resize one axis from {@code source} to {@code target} samples: area averaging when shrinking
 * (each output is the mean of the inputs it covers, partial coverage weighted), linear interpolation between pixel
 * centres when enlarging. Applied once per axis, this gives a separable 2-D resize.
 */
final class ResampleWeights {
    final int[] first;
    final float[][] weights;

    private ResampleWeights(int[] first, float[][] weights) {
        this.first = first;
        this.weights = weights;
    }

    static ResampleWeights of(int source, int target) {
        int[] first = new int[target];
        float[][] weights = new float[target][];
        double scale = (double) source / target;
        for (int t = 0; t < target; t++) {
            if (source >= target) {
                double from = t * scale;
                double to = from + scale;
                int lo = (int) Math.floor(from);
                int hi = Math.min(source, (int) Math.ceil(to));
                first[t] = lo;
                weights[t] = new float[hi - lo];
                for (int s = lo; s < hi; s++) {
                    double overlap = Math.min(to, s + 1) - Math.max(from, s);
                    weights[t][s - lo] = (float) (overlap / scale);
                }
            } else {
                double centre = (t + 0.5) * scale - 0.5;
                int lo = (int) Math.floor(centre);
                double frac = centre - lo;
                int a = Math.max(0, Math.min(source - 1, lo));
                int b = Math.max(0, Math.min(source - 1, lo + 1));
                first[t] = a;
                weights[t] = b == a ? new float[] {1f} : new float[] {(float) (1 - frac), (float) frac};
            }
        }
        return new ResampleWeights(first, weights);
    }

    /** Resizes a {@code height x width} plane to {@code rows x cols}, both row-major. */
    static float[] resize(float[] plane, int height, int width, int rows, int cols) {
        if (height == rows && width == cols) {
            return plane.clone();
        }
        ResampleWeights horizontal = of(width, cols);
        float[] wide = new float[height * cols];
        for (int y = 0; y < height; y++) {
            horizontal.resizeRow(plane, y * width, wide, y * cols);
        }
        float[] out = new float[rows * cols];
        of(height, rows).resizeColumns(wide, cols, out, 0);
        return out;
    }

    /** The first pass: resizes the row of {@code source} starting at {@code from} into {@code target} at {@code to}. */
    void resizeRow(float[] source, int from, float[] target, int to) {
        for (int x = 0; x < first.length; x++) {
            float sum = 0;
            float[] w = weights[x];
            int base = from + first[x];
            for (int k = 0; k < w.length; k++) {
                sum += w[k] * source[base + k];
            }
            target[to + x] = sum;
        }
    }

    /**
     * The second pass: resizes the columns of {@code source}, rows of {@code cols} values, into the rows of
     * {@code target} starting at {@code to}, which must be zero there.
     */
    void resizeColumns(float[] source, int cols, float[] target, int to) {
        for (int y = 0; y < first.length; y++) {
            float[] w = weights[y];
            for (int k = 0; k < w.length; k++) {
                int src = (first[y] + k) * cols;
                float wk = w[k];
                for (int x = 0; x < cols; x++) {
                    target[to + y * cols + x] += wk * source[src + x];
                }
            }
        }
    }
}
