package dev.cnn.datasets;

import dev.cnn.api.data.Dataset;

import dev.cnn.api.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

/**
 * The {@code shapes} dataset, generated in code (no files): RGB images of one object each, of six classes
 * ({@link ShapeKind}: ball, banana, box, leaf, ring, star), in random colour, texture, place, size and rotation on a
 * cluttered noisy background. Every image has its class and tags: its colour ({@link ShapeColor}), its texture
 * ({@link ShapeTexture}) and its class's shape attributes (curved, pointed, round, straight-edged). Image {@code i} of a
 * split depends only on the seed, the split and {@code i}, so a smaller dataset is the start of a larger one; classes
 * take turns, so every split is balanced. Written {@code shapes[:TRAIN[:TEST[:SIZE[:SEED]]]]}, SIZE being {@code N} or
 * {@code HxW}: {@code shapes} is {@value #DEFAULT_TRAIN} training and {@value #DEFAULT_TEST} test images of 48x48.
 *
 * @param trainImages the size of the training split
 * @param testImages  the size of the test split
 * @param height      image height in pixels
 * @param width       image width in pixels
 * @param seed        what the images are drawn from
 * @param listener    hears the progress of generation
 */
public record ShapesSource(int trainImages, int testImages, int height, int width, long seed, LoadListener listener)
        implements DatasetSource {
    /** The name of the dataset. */
    public static final String ID = "shapes";
    /** Training images unless told otherwise. */
    public static final int DEFAULT_TRAIN = 10_000;
    /** Test images unless told otherwise. */
    public static final int DEFAULT_TEST = 2_000;
    /** Height and width unless told otherwise. */
    public static final int DEFAULT_SIZE = 48;
    /** The smallest side an object can be drawn at recognisably. */
    public static final int SMALLEST_SIDE = 16;
    /** The largest side allowed, to keep a typo from filling the memory. */
    public static final int LARGEST_SIDE = 512;

    /** Checks the sizes. */
    public ShapesSource {
        if (trainImages < 1 || testImages < 1) {
            throw new IllegalArgumentException("the shapes dataset needs at least 1 training and 1 test image, got "
                    + trainImages + " and " + testImages);
        }
        if (Math.min(height, width) < SMALLEST_SIDE || Math.max(height, width) > LARGEST_SIDE) {
            throw new IllegalArgumentException("shapes images are " + SMALLEST_SIDE + " to " + LARGEST_SIDE
                    + " pixels a side, got " + height + "x" + width);
        }
        if ((long) (trainImages + (long) testImages) * 3 * height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(trainImages + " + " + testImages + " images of " + height + "x" + width
                    + " do not fit in memory; ask for fewer or smaller ones");
        }
        listener = listener == null ? LoadListener.NONE : listener;
    }

    /** Whether {@code spec} names this dataset: {@code shapes} or {@code shapes:...}. */
    public static boolean isShapes(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        return s.equals(ID) || s.startsWith(ID + ":");
    }

    /**
     * Reads {@code shapes[:TRAIN[:TEST[:SIZE[:SEED]]]]}.
     *
     * @throws IllegalArgumentException saying what is wrong and how it is written
     */
    public static ShapesSource parse(String spec, LoadListener listener) {
        String[] parts = spec.strip().split(":", -1);
        if (!parts[0].equalsIgnoreCase(ID) || parts.length > 5) {
            throw new IllegalArgumentException(usage(spec));
        }
        try {
            int train = parts.length > 1 && !parts[1].isEmpty() ? Integer.parseInt(parts[1].replace("_", "")) : DEFAULT_TRAIN;
            int test = parts.length > 2 && !parts[2].isEmpty() ? Integer.parseInt(parts[2].replace("_", "")) : DEFAULT_TEST;
            int height = DEFAULT_SIZE;
            int width = DEFAULT_SIZE;
            if (parts.length > 3 && !parts[3].isEmpty()) {
                String[] hw = parts[3].toLowerCase(Locale.ROOT).split("x", -1);
                height = Integer.parseInt(hw[0]);
                width = hw.length == 1 ? height : Integer.parseInt(hw[1]);
                if (hw.length > 2) {
                    throw new IllegalArgumentException(usage(spec));
                }
            }
            long seed = parts.length > 4 && !parts[4].isEmpty() ? Long.parseLong(parts[4]) : 1;
            return new ShapesSource(train, test, height, width, seed, listener);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(usage(spec), e);
        }
    }

    private static String usage(String spec) {
        return "'" + spec + "' is not shapes[:TRAIN[:TEST[:SIZE[:SEED]]]], such as shapes:20000:5000 or shapes:2000:500:32";
    }

    /** The class names in label order: {@code ball, banana, box, leaf, ring, star}. */
    public static List<String> classNames() {
        List<String> names = new ArrayList<>();
        for (ShapeKind k : ShapeKind.values()) {
            names.add(k.id());
        }
        return names;
    }

    /** Every tag, sorted by name: the colours, the textures and the shape attributes. */
    public static List<String> tagNames() {
        TreeSet<String> names = new TreeSet<>();
        for (ShapeColor c : ShapeColor.values()) {
            names.add(c.id());
        }
        for (ShapeTexture t : ShapeTexture.values()) {
            names.add(t.id());
        }
        for (ShapeKind k : ShapeKind.values()) {
            names.addAll(k.attributes());
        }
        return List.copyOf(names);
    }

    @Override
    public String name() {
        return trainImages == DEFAULT_TRAIN && testImages == DEFAULT_TEST && height == DEFAULT_SIZE && width == DEFAULT_SIZE
                && seed == 1 ? ID : ID + ":" + trainImages + ":" + testImages + ":" + height + "x" + width + ":" + seed;
    }

    /** The shape of one image: {@code [3, height, width]}. */
    public Shape sampleShape() {
        return Shape.of(3, height, width);
    }

    @Override
    public Dataset train() {
        return generate(0, trainImages);
    }

    @Override
    public Dataset test() {
        return generate(1, testImages);
    }

    private Dataset generate(int split, int count) {
        List<Integer> indices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            indices.add(i);
        }
        int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        List<String> tags = tagNames();
        int size = sampleShape().size();
        float[] features = new float[count * size];
        int[] labels = new int[count];
        float[] multiHot = new float[count * tags.size()];
        ParallelMap.map(indices, i -> {
            ShapesGenerator.Drawn d = ShapesGenerator.draw(ShapeKind.values()[i % ShapeKind.values().length], height,
                    width, new Random(imageSeed(split, i)));
            System.arraycopy(d.pixels(), 0, features, i * size, size);
            labels[i] = d.kind().ordinal();
            for (String t : d.tags()) {
                multiHot[i * tags.size() + tags.indexOf(t)] = 1f;
            }
            return i;
        }, threads, listener::progress);
        return new Dataset(sampleShape(), features, labels, classNames(), multiHot, tags);
    }

    /** A well-mixed seed for image {@code index} of {@code split} (0 train, 1 test). */
    private long imageSeed(int split, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + split * 0xC2B2AE3D27D4EB4FL + index * 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
