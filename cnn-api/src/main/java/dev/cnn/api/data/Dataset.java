package dev.cnn.api.data;

import dev.cnn.api.tensor.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Labelled images held in memory: features row-major as {@code [N, C, H, W]} floats, one class label
 * per image, and optionally several tags per image (multi-hot, {@code [N, T]}). Immutable by
 * convention: its methods return new datasets and never change the arrays they were given.
 */
public final class Dataset {
    private final Shape sampleShape;
    private final float[] features;
    private final int[] labels;
    private final float[] tags;
    private final List<String> classNames;
    private final List<String> tagNames;

    /**
     * @param sampleShape shape of one image, for example {@code [1, 28, 28]}
     * @param features    {@code size * sampleShape.size()} values
     * @param labels      one class index per image, each in {@code [0, classNames.size())}
     * @param classNames  a name per class, each once
     * @param tags        multi-hot tags, {@code size * tagNames.size()} values of 0 or 1; null when untagged
     * @param tagNames    a name per tag, each once; empty when untagged
     * @throws IllegalArgumentException when the sizes disagree, a label is out of range or a name is given twice
     */
    public Dataset(Shape sampleShape, float[] features, int[] labels, List<String> classNames,
                   float[] tags, List<String> tagNames) {
        this.sampleShape = Objects.requireNonNull(sampleShape, "sampleShape");
        this.features = Objects.requireNonNull(features, "features");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.classNames = List.copyOf(classNames);
        this.tagNames = List.copyOf(tagNames);
        this.tags = tags;
        requireDistinct(this.classNames, "class");
        requireDistinct(this.tagNames, "tag");
        if ((long) labels.length * sampleShape.size() != features.length) {
            throw new IllegalArgumentException(labels.length + " labels need " + (long) labels.length * sampleShape.size()
                    + " feature values of shape " + sampleShape + ", got " + features.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i + " is outside [0, "
                        + classNames.size() + ")");
            }
        }
        if (tags != null && (long) labels.length * tagNames.size() != tags.length) {
            throw new IllegalArgumentException(labels.length + " images with " + tagNames.size() + " tags need "
                    + (long) labels.length * tagNames.size() + " tag values, got " + tags.length);
        }
    }

    private static void requireDistinct(List<String> names, String kind) {
        java.util.Map<String, Integer> first = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Integer earlier = first.putIfAbsent(names.get(i), i);
            if (earlier != null) {
                throw new IllegalArgumentException("the " + kind + " '" + names.get(i) + "' is named twice (as " + kind
                        + " " + earlier + " and " + i + "), so the two could not be told apart; give each " + kind
                        + " its own name");
            }
        }
    }

    /** A dataset of images with one class label each and no tags. */
    public Dataset(Shape sampleShape, float[] features, int[] labels, List<String> classNames) {
        this(sampleShape, features, labels, classNames, null, List.of());
    }

    /** The number of images. */
    public int size() {
        return labels.length;
    }

    /** The shape of one image, without the batch dimension. */
    public Shape sampleShape() {
        return sampleShape;
    }

    /** The class names, indexed by label. */
    public List<String> classNames() {
        return classNames;
    }

    /** The tag names, indexed by tag position; empty when the dataset has no tags. */
    public List<String> tagNames() {
        return tagNames;
    }

    /** Whether every image carries multi-hot tags. */
    public boolean hasTags() {
        return tags != null;
    }

    /** The class label of image {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** A copy of all labels. */
    public int[] labels() {
        return labels.clone();
    }

    /** A copy of the features of image {@code i}. */
    public float[] features(int i) {
        int n = sampleShape.size();
        return Arrays.copyOfRange(features, i * n, (i + 1) * n);
    }

    /** A copy of the tags of image {@code i}; fails when the dataset has no tags. */
    public float[] tags(int i) {
        if (tags == null) {
            throw new IllegalStateException("this dataset has no tags");
        }
        int t = tagNames.size();
        return Arrays.copyOfRange(tags, i * t, (i + 1) * t);
    }

    /** Copies the features of the images at {@code indices}, in that order, into one array. */
    public float[] gatherFeatures(int[] indices) {
        return gatherFeatures(indices, null);
    }

    /**
     * Copies the features of the images at {@code indices}, in that order, into {@code into} when it has exactly the
     * room they need, otherwise into a new array; returns the array written. A training loop passes the array of its
     * last batch, so that batches of one size cost no allocation.
     */
    public float[] gatherFeatures(int[] indices, float[] into) {
        int n = sampleShape.size();
        float[] out = into != null && into.length == indices.length * n ? into : new float[indices.length * n];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(features, indices[k] * n, out, k * n, n);
        }
        return out;
    }

    /** Copies the tags of the images at {@code indices}, in that order, into one array. */
    public float[] gatherTags(int[] indices) {
        if (tags == null) {
            throw new IllegalStateException("this dataset has no tags");
        }
        int t = tagNames.size();
        float[] out = new float[indices.length * t];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(tags, indices[k] * t, out, k * t, t);
        }
        return out;
    }

    /** The images at {@code indices}, in that order, as a new dataset. */
    public Dataset select(int[] indices) {
        int[] selectedLabels = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            selectedLabels[k] = labels[indices[k]];
        }
        return new Dataset(sampleShape, gatherFeatures(indices), selectedLabels, classNames,
                tags == null ? null : gatherTags(indices), tagNames);
    }

    /**
     * A fingerprint of the contents: 16 hexadecimal digits hashed from the image shape, the labels, the exact pixel
     * values and the tags, in order (not the class or tag names). Two datasets with the same fingerprint hold the same
     * images in the same order, for all practical purposes; inverted or resampled images, or other labels, give another.
     * One pass over the pixels, computed anew on each call.
     */
    public String fingerprint() {
        return DatasetFingerprint.of(sampleShape, features, labels, tags);
    }

    /**
     * Splits off a random {@code fraction} of the images, drawn by {@code seed}: element 0 of the result holds the rest
     * (for training), element 1 the fraction (for validation). The same seed gives the same split.
     *
     * @throws IllegalArgumentException when the fraction is outside (0, 1) or leaves either part empty
     */
    public Dataset[] split(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the fraction to split off must be between 0 and 1, got " + fraction);
        }
        int held = (int) Math.round(size() * fraction);
        if (held < 1 || held >= size()) {
            throw new IllegalArgumentException("a split of " + fraction + " leaves no images to "
                    + (held < 1 ? "validate on" : "train on") + " among " + size());
        }
        int[] order = dev.cnn.api.train.Batches.shuffledIndices(size(), new Random(seed));
        return new Dataset[] {select(Arrays.copyOfRange(order, held, order.length)), select(Arrays.copyOfRange(order, 0, held))};
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive) as a new dataset. */
    public Dataset range(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") is outside [0, " + size() + "]");
        }
        int[] indices = new int[to - from];
        Arrays.setAll(indices, k -> from + k);
        return select(indices);
    }

    /**
     * The same images with each feature mapped to {@code (x - mean) / std}, computed exactly as
     * {@link dev.cnn.api.model.Normalization#apply} computes it for evaluation and prediction.
     */
    public Dataset normalized(float mean, float std) {
        if (!(std > 0)) {
            throw new IllegalArgumentException("std must be positive, got " + std);
        }
        return normalized(new dev.cnn.api.model.Normalization(mean, std));
    }

    /** The same images prepared by {@code normalization}, as a model prepares the images it evaluates and predicts. */
    public Dataset normalized(dev.cnn.api.model.Normalization normalization) {
        return new Dataset(sampleShape, normalization.apply(features, sampleShape), labels, classNames, tags, tagNames);
    }
}
