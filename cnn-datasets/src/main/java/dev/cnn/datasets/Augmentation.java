package dev.cnn.datasets;

import dev.cnn.api.tensor.Shape;
import java.util.Arrays;
import java.util.Random;

/**
 * Random translation: each image of a batch is shifted by up to {@code maxShift} pixels horizontally and vertically
 * (independently, uniform in {@code [-maxShift, maxShift]}), uncovered pixels set to 0. The same shift applies to
 * every channel of an image. With {@code maxShift = 0} images are left as they are.
 *
 * @param maxShift the largest shift in pixels, at least 0
 */
public record Augmentation(int maxShift) {
    /** Checks that the shift is not negative. */
    public Augmentation {
        if (maxShift < 0) {
            throw new IllegalArgumentException("maxShift must be at least 0, got " + maxShift);
        }
    }

    /** No augmentation. */
    public static Augmentation none() {
        return new Augmentation(0);
    }

    /**
     * Shifts every image of {@code batch} in place.
     *
     * @param batch      {@code [B, C, H, W]} values, row-major
     * @param batchShape its shape, rank 4
     * @param random     the source of shifts; the same seed gives the same shifts
     */
    public void apply(float[] batch, Shape batchShape, Random random) {
        if (batchShape.rank() != 4 || batch.length != batchShape.size()) {
            throw new IllegalArgumentException("expected a [B, C, H, W] batch, got shape " + batchShape + " with "
                    + batch.length + " values");
        }
        if (maxShift == 0) {
            return;
        }
        int images = batchShape.dim(0);
        int channels = batchShape.dim(1);
        int rows = batchShape.dim(2);
        int cols = batchShape.dim(3);
        float[] scratch = new float[rows * cols];
        for (int b = 0; b < images; b++) {
            int dy = random.nextInt(2 * maxShift + 1) - maxShift;
            int dx = random.nextInt(2 * maxShift + 1) - maxShift;
            for (int c = 0; c < channels; c++) {
                shiftPlane(batch, (b * channels + c) * rows * cols, rows, cols, dy, dx, scratch);
            }
        }
    }

    private static void shiftPlane(float[] data, int offset, int rows, int cols, int dy, int dx, float[] scratch) {
        if (dx == 0 && dy == 0) {
            return;
        }
        Arrays.fill(scratch, 0f);
        int x0 = Math.max(0, dx);
        int x1 = Math.min(cols, cols + dx);
        for (int y = Math.max(0, dy); y < Math.min(rows, rows + dy); y++) {
            if (x1 > x0) {
                System.arraycopy(data, offset + (y - dy) * cols + (x0 - dx), scratch, y * cols + x0, x1 - x0);
            }
        }
        System.arraycopy(scratch, 0, data, offset, rows * cols);
    }
}
