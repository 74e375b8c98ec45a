package dev.cnn.cli.bench;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The few batches a benchmark feeds every backend, over and over: normalised images and their one-hot labels, made
 * once so that every backend and every round sees the same data.
 *
 * @param description where the images come from, for the report
 * @param sampleShape the shape of one image, {@code [C, H, W]}
 * @param classes     the number of classes
 * @param batchSize   images per batch
 * @param features    per batch, {@code batchSize * sampleShape.size()} normalised pixels
 * @param oneHot      per batch, {@code batchSize * classes} one-hot labels
 */
public record BenchImages(String description, Shape sampleShape, int classes, int batchSize, List<float[]> features,
                          List<float[]> oneHot) {
    /** How many different batches are cycled through; the data does not change the speed, only the memory used. */
    public static final int DISTINCT_BATCHES = 8;

    /** The shape the presets are made for: MNIST's 28x28 grey images in 10 classes. */
    public static final Shape PRESET_INPUT = Shape.of(1, 28, 28);
    /** The number of classes of the synthetic images. */
    public static final int PRESET_CLASSES = 10;

    /** Uniformly random pixels and labels of the presets' input shape: needs no download. */
    public static BenchImages synthetic(int batchSize, long seed) {
        return synthetic(PRESET_INPUT, batchSize, seed);
    }

    /** Uniformly random pixels and labels of images of shape {@code sample}, in the presets' number of classes. */
    public static BenchImages synthetic(Shape sample, int batchSize, long seed) {
        Random random = new Random(seed);
        int count = DISTINCT_BATCHES * batchSize;
        float[] pixels = new float[count * sample.size()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        int[] labels = random.ints(count, 0, PRESET_CLASSES).toArray();
        List<String> classNames = new ArrayList<>();
        for (int k = 0; k < PRESET_CLASSES; k++) {
            classNames.add(Integer.toString(k));
        }
        Dataset data = new Dataset(sample, pixels, labels, classNames);
        return from("synthetic random images " + describe(sample) + ", " + PRESET_CLASSES + " classes", data,
                batchSize);
    }

    /**
     * The first images of {@code pixels} (values in [0, 1]), normalised with their own mean and deviation; a dataset
     * smaller than the batches needs is repeated.
     */
    public static BenchImages from(String description, Dataset pixels, int batchSize) {
        if (pixels.size() == 0) {
            throw new IllegalArgumentException("the dataset '" + description + "' holds no images to benchmark with");
        }
        int count = DISTINCT_BATCHES * batchSize;
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = i % pixels.size();
        }
        Dataset used = pixels.select(indices);
        Normalization pre = Normalization.fit(used);
        Dataset normalized = used.normalized(pre);
        int classes = normalized.classNames().size();
        List<float[]> features = new ArrayList<>();
        List<float[]> oneHot = new ArrayList<>();
        for (int b = 0; b < DISTINCT_BATCHES; b++) {
            int[] batch = new int[batchSize];
            float[] targets = new float[batchSize * classes];
            for (int k = 0; k < batchSize; k++) {
                batch[k] = b * batchSize + k;
                targets[k * classes + normalized.label(batch[k])] = 1f;
            }
            features.add(normalized.gatherFeatures(batch));
            oneHot.add(targets);
        }
        return new BenchImages(description, normalized.sampleShape(), classes, batchSize, List.copyOf(features),
                List.copyOf(oneHot));
    }

    /** The shape of one batch, {@code [batchSize, C, H, W]}. */
    public Shape batchShape() {
        return sampleShape.withBatch(batchSize);
    }

    /** The shape of one batch's labels, {@code [batchSize, classes]}. */
    public Shape labelShape() {
        return Shape.of(batchSize, classes);
    }

    /** {@code [1, 28, 28]} as {@code 1x28x28}. */
    public static String describe(Shape shape) {
        StringBuilder text = new StringBuilder();
        for (int d : shape.dims()) {
            text.append(text.length() == 0 ? "" : "x").append(d);
        }
        return text.toString();
    }
}
