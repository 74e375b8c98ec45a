package dev.cnn.datasets;

import java.util.Random;

/**
 * Random erasing (Zhong et al., 2017; "cutout" with a random size): with probability {@code probability} an image gets
 * one rectangle, of 2% to 40% of its area and an aspect ratio between 0.3 and 3.3 (drawn on a log scale), whose pixels
 * in every channel are replaced by uniform random values in [0, 1]. The network then has to read the class from the
 * rest of the picture. Every choice is drawn from the {@link Random} given, so the same seed erases the same places; an
 * image that does not get a rectangle draws one number only.
 */
final class RandomErasing {
    /** The smallest and largest share of the image's area erased. */
    static final double MIN_AREA = 0.02;
    static final double MAX_AREA = 0.4;
    /** The smallest aspect ratio (height over width); the largest is its inverse. */
    static final double MIN_ASPECT = 0.3;
    /** Rectangles tried before an image is left whole, when the drawn one does not fit. */
    private static final int ATTEMPTS = 10;

    private final double probability;

    /** @param probability the chance that an image is erased, in [0, 1] */
    RandomErasing(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("the random-erasing probability is 0 to 1, got " + probability);
        }
        this.probability = probability;
    }

    /** Erases at most one rectangle of the image of {@code channels} planes of {@code rows x cols} at {@code offset}. */
    void apply(float[] data, int offset, int channels, int rows, int cols, Random random) {
        if (random.nextDouble() >= probability) {
            return;
        }
        int area = rows * cols;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double target = area * (MIN_AREA + (MAX_AREA - MIN_AREA) * random.nextDouble());
            double aspect = Math.exp(Math.log(MIN_ASPECT) + (Math.log(1 / MIN_ASPECT) - Math.log(MIN_ASPECT))
                    * random.nextDouble());
            int h = (int) Math.round(Math.sqrt(target * aspect));
            int w = (int) Math.round(Math.sqrt(target / aspect));
            if (h < 1 || w < 1 || h >= rows || w >= cols) {
                continue;
            }
            int top = random.nextInt(rows - h + 1);
            int left = random.nextInt(cols - w + 1);
            for (int c = 0; c < channels; c++) {
                int plane = offset + c * area;
                for (int y = top; y < top + h; y++) {
                    for (int x = left; x < left + w; x++) {
                        data[plane + y * cols + x] = random.nextFloat();
                    }
                }
            }
            return;
        }
    }
}
