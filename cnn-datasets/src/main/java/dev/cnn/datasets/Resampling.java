package dev.cnn.datasets;

import dev.cnn.api.data.Dataset;

import dev.cnn.api.tensor.Shape;

/**
 * Converts every image of a dataset to another sample shape {@code [1 or 3, H, W]}: grey to colour by repeating the
 * plane, colour to grey by luminance (0.299 R + 0.587 G + 0.114 B), and resized as {@link ImageConverter} resizes.
 */
public final class Resampling {
    private Resampling() {
    }

    /** {@code data} with images of {@code shape}; {@code data} itself when its images already have it. */
    public static Dataset toShape(Dataset data, Shape shape) {
        Shape from = data.sampleShape();
        if (from.equals(shape)) {
            return data;
        }
        check(from);
        check(shape);
        int size = shape.size();
        float[] out = new float[valuesFor(data.size(), shape)];
        for (int i = 0; i < data.size(); i++) {
            System.arraycopy(sample(data.features(i), from, shape), 0, out, i * size, size);
        }
        return new Dataset(shape, out, data.labels(), data.classNames(),
                data.hasTags() ? data.gatherTags(allIndices(data.size())) : null, data.tagNames());
    }

    /** One sample of shape {@code from} converted to {@code to}. */
    public static float[] sample(float[] pixels, Shape from, Shape to) {
        int rows = from.dim(1);
        int cols = from.dim(2);
        int plane = rows * cols;
        int outPlane = to.dim(1) * to.dim(2);
        float[] out = new float[to.size()];
        for (int c = 0; c < to.dim(0); c++) {
            float[] source = new float[plane];
            if (from.dim(0) == to.dim(0)) {
                System.arraycopy(pixels, c * plane, source, 0, plane);
            } else if (from.dim(0) == 1) {
                System.arraycopy(pixels, 0, source, 0, plane);
            } else {
                for (int i = 0; i < plane; i++) {
                    source[i] = 0.299f * pixels[i] + 0.587f * pixels[plane + i] + 0.114f * pixels[2 * plane + i];
                }
            }
            float[] resized = ResampleWeights.resize(source, rows, cols, to.dim(1), to.dim(2));
            System.arraycopy(resized, 0, out, c * outPlane, outPlane);
        }
        return out;
    }

    /**
     * The values {@code count} images of {@code shape} take, computed in {@code long} and checked against what one
     * Java array holds and what the heap can still give, so that a large {@code --input-size} is refused with the
     * figures instead of overflowing or exhausting the heap halfway.
     */
    static int valuesFor(int count, Shape shape) {
        long values = (long) count * shape.size();
        long bytes = values * Float.BYTES;
        Runtime runtime = Runtime.getRuntime();
        long available = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        String what = String.format(java.util.Locale.ROOT, "%,d images of %dx%dx%d take %,d MB", count, shape.dim(0),
                shape.dim(1), shape.dim(2), bytes >> 20);
        if (values > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(what + ", more than one Java array holds (8,191 MB); use a smaller"
                    + " --input-size or fewer images");
        }
        if (bytes > available) {
            throw new IllegalArgumentException(what + " and Java's heap has about " + (available >> 20) + " MB"
                    + " left; give Java more memory (such as CNN_JAVA_OPTS=-Xmx16g for ./cnn) or use a smaller"
                    + " --input-size");
        }
        return (int) values;
    }

    private static int[] allIndices(int n) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        return indices;
    }

    private static void check(Shape shape) {
        if (shape.rank() != 3 || (shape.dim(0) != 1 && shape.dim(0) != 3)) {
            throw new IllegalArgumentException("images have shape [C, H, W] with C = 1 or 3, got " + shape);
        }
    }
}
