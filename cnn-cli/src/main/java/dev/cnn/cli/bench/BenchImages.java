package dev.cnn.cli.bench;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The few batches a benchmark feeds every backend, over and over: normalised images with their labels (and tags,
 * where the dataset has them), made once so that every backend and every round sees the same data.
 *
 * @param description where the images come from, for the report
 * @param batchSize   images per batch
 * @param data        {@link #DISTINCT_BATCHES} batches of normalised images, batch {@code b} at indices
 *                    {@code [b * batchSize, (b + 1) * batchSize)}
 * @param features    per batch, {@code batchSize * sampleShape.size()} normalised pixels, for inference
 */
public record BenchImages(String description, int batchSize, Dataset data, List<float[]> features) {
    /** How many different batches are cycled through; the data does not change the speed, only the memory used. */
    public static final int DISTINCT_BATCHES = 8;

    /** The shape the presets are made for: MNIST's 28x28 grey images in 10 classes. */
    public static final Shape PRESET_INPUT = Shape.of(1, 28, 28);
    /** The number of classes of the synthetic images. */
    public static final int PRESET_CLASSES = 10;
    /** The number of tags of the synthetic images, for presets with a tag head (as many as {@code shapes} has). */
    public static final int PRESET_TAGS = 8;

    /** Uniformly random pixels, labels and tags of images of shape {@code sample}, in the presets' number of classes. */
    public static BenchImages synthetic(Shape sample, int batchSize, long seed) {
        Random random = new Random(seed);
        int count = DISTINCT_BATCHES * batchSize;
        float[] pixels = new float[Math.multiplyExact(count, sample.size())];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        int[] labels = random.ints(count, 0, PRESET_CLASSES).toArray();
        float[] tags = new float[count * PRESET_TAGS];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = random.nextBoolean() ? 1f : 0f;
        }
        Dataset data = new Dataset(sample, pixels, labels, names("class", PRESET_CLASSES), tags,
                names("tag", PRESET_TAGS));
        return from("synthetic random images " + describe(sample) + ", " + PRESET_CLASSES + " classes, "
                + PRESET_TAGS + " tags", data, batchSize);
    }

    private static List<String> names(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
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
        Dataset normalized = used.normalized(Normalization.fit(used));
        List<float[]> features = new ArrayList<>();
        for (int b = 0; b < DISTINCT_BATCHES; b++) {
            features.add(normalized.gatherFeatures(batchIndices(b, batchSize)));
        }
        return new BenchImages(description, batchSize, normalized, List.copyOf(features));
    }

    /** The indices of batch {@code b} in {@link #data}. */
    public static int[] batchIndices(int b, int batchSize) {
        return IntStream.range(b * batchSize, (b + 1) * batchSize).toArray();
    }

    /** The shape of one image, {@code [C, H, W]}. */
    public Shape sampleShape() {
        return data.sampleShape();
    }

    /** The number of classes. */
    public int classes() {
        return data.classNames().size();
    }

    /** The shape of one batch, {@code [batchSize, C, H, W]}. */
    public Shape batchShape() {
        return sampleShape().withBatch(batchSize);
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
