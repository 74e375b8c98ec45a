package dev.cnn.backend.cpu;

/** Softmax, its gradient and log-softmax over the rows of {@code [N, K]}; sums are taken in double. */
final class Softmax {
    private Softmax() {
    }

    static float[] forward(float[] x, int rows, int cols) {
        float[] y = new float[x.length];
        for (int r = 0; r < rows; r++) {
            int off = r * cols;
            float max = rowMax(x, off, cols);
            double sum = 0.0;
            for (int j = 0; j < cols; j++) {
                sum += Math.exp(x[off + j] - max);
            }
            for (int j = 0; j < cols; j++) {
                y[off + j] = (float) (Math.exp(x[off + j] - max) / sum);
            }
        }
        return y;
    }

    static float[] backward(float[] y, float[] dy, int rows, int cols) {
        float[] dx = new float[y.length];
        for (int r = 0; r < rows; r++) {
            int off = r * cols;
            double dot = 0.0;
            for (int j = 0; j < cols; j++) {
                dot += (double) dy[off + j] * y[off + j];
            }
            for (int j = 0; j < cols; j++) {
                dx[off + j] = (float) (y[off + j] * (dy[off + j] - dot));
            }
        }
        return dx;
    }

    static float[] logForward(float[] x, int rows, int cols) {
        float[] y = new float[x.length];
        for (int r = 0; r < rows; r++) {
            int off = r * cols;
            float max = rowMax(x, off, cols);
            double sum = 0.0;
            for (int j = 0; j < cols; j++) {
                sum += Math.exp(x[off + j] - max);
            }
            double logSum = max + Math.log(sum);
            for (int j = 0; j < cols; j++) {
                y[off + j] = (float) (x[off + j] - logSum);
            }
        }
        return y;
    }

    private static float rowMax(float[] x, int off, int cols) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, x[off + j]);
        }
        return max;
    }
}
