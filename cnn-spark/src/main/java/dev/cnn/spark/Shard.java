package dev.cnn.spark;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.tensor.Shape;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The images of one Spark partition packed into flat arrays, so that each executor builds one {@link Dataset} per
 * partition and steps index into it. Built once per run and cached by Spark.
 */
public final class Shard implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] sampleDims;
    private final float[] features;
    private final int[] labels;
    private final int classes;
    private transient Dataset dataset;

    /** The shard of {@code labels.length} images whose pixels lie one after another in {@code features}. */
    public Shard(int[] sampleDims, float[] features, int[] labels, int classes) {
        this.sampleDims = sampleDims.clone();
        this.features = features;
        this.labels = labels;
        this.classes = classes;
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

    /** The images {@code [from, to)} of {@code data} as a shard. */
    public static Shard of(Dataset data, int from, int to) {
        Dataset part = data.range(from, to);
        return new Shard(part.sampleShape().dims(), part.gatherFeatures(IntStream.range(0, part.size()).toArray()),
                part.labels(), data.classNames().size());
    }

    /** How many images the shard holds. */
    public int size() {
        return labels.length;
    }

    /** The shard as a dataset (built once per JVM). */
    public synchronized Dataset dataset() {
        if (dataset == null) {
            List<String> names = IntStream.range(0, classes).mapToObj(Integer::toString).toList();
            dataset = new Dataset(Shape.of(sampleDims), features, labels, names);
        }
        return dataset;
    }
}
