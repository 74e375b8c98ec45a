package dev.cnn.spark;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.tensor.Shape;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The images of one Spark partition packed into flat arrays, with their classes and, for a model with a tag head, their
 * tags, so that each executor builds one {@link Dataset} per partition and steps index into it. Built once per run and
 * cached by Spark.
 */
public final class Shard implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] sampleDims;
    private final float[] features;
    private final int[] labels;
    private final int classes;
    private final float[] tags;
    private final int tagCount;
    private transient Dataset dataset;

    /** The shard of {@code labels.length} untagged images whose pixels lie one after another in {@code features}. */
    public Shard(int[] sampleDims, float[] features, int[] labels, int classes) {
        this(sampleDims, features, labels, classes, null, 0);
    }

    /**
     * The shard of {@code labels.length} images whose pixels lie one after another in {@code features}, with
     * {@code tagCount} multi-hot tags each in {@code tags} (null and 0 for untagged images).
     */
    public Shard(int[] sampleDims, float[] features, int[] labels, int classes, float[] tags, int tagCount) {
        this.sampleDims = sampleDims.clone();
        this.features = features;
        this.labels = labels;
        this.classes = classes;
        this.tags = tags;
        this.tagCount = tags == null ? 0 : tagCount;
        if (tags != null && (long) tagCount * labels.length != tags.length) {
            throw new IllegalArgumentException("a shard of " + labels.length + " images with " + tagCount + " tags needs "
                    + (long) tagCount * labels.length + " tag values, got " + tags.length);
        }
        int per = IntStream.of(sampleDims).reduce(1, (a, b) -> a * b);
        if ((long) per * labels.length != features.length) {
            throw new IllegalArgumentException("a shard of " + labels.length + " images of shape "
                    + java.util.Arrays.toString(sampleDims) + " needs " + (long) per * labels.length + " values, got "
                    + features.length);
        }
        for (int label : labels) {
            if (label >= classes) {
                throw new IllegalArgumentException("label " + label + " is not below the " + classes + " classes");
            }
        }
    }

    /** Packs the images of one partition, each of {@code sampleDims}, with labels below {@code classes}. */
    public static Shard of(Iterator<LabelledImage> images, int[] sampleDims, int classes) {
        int per = IntStream.of(sampleDims).reduce(1, (a, b) -> a * b);
        java.util.List<LabelledImage> all = new java.util.ArrayList<>();
        images.forEachRemaining(all::add);
        float[] features = new float[per * all.size()];
        int[] labels = new int[all.size()];
        for (int i = 0; i < all.size(); i++) {
            LabelledImage image = all.get(i);
            if (image.pixels().length != per) {
                throw new IllegalArgumentException("an image has " + image.pixels().length + " values but the network"
                        + " takes images of shape " + java.util.Arrays.toString(sampleDims) + " (" + per + " values)");
            }
            System.arraycopy(image.pixels(), 0, features, i * per, per);
            labels[i] = image.label();
        }
        return new Shard(sampleDims, features, labels, classes);
    }

    /** The images {@code [from, to)} of {@code data} as a shard, with their tags when {@code data} has them. */
    public static Shard of(Dataset data, int from, int to) {
        Dataset part = data.range(from, to);
        int[] all = IntStream.range(0, part.size()).toArray();
        return new Shard(part.sampleShape().dims(), part.gatherFeatures(all), part.labels(), data.classNames().size(),
                part.hasTags() ? part.gatherTags(all) : null, part.tagNames().size());
    }

    /** How many images the shard holds. */
    public int size() {
        return labels.length;
    }

    /** The shard as a dataset (built once per JVM); its classes and tags are named by number. */
    public synchronized Dataset dataset() {
        if (dataset == null) {
            List<String> names = IntStream.range(0, classes).mapToObj(Integer::toString).toList();
            List<String> tagNames = IntStream.range(0, tagCount).mapToObj(t -> "tag" + t).toList();
            dataset = new Dataset(Shape.of(sampleDims), features, labels, names, tags, tagNames);
        }
        return dataset;
    }
}
