package dev.cnn.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The four IDX files of a train/test dataset in the MNIST layout, each raw or gzip.
 *
 * @param trainImages {@code train-images-idx3-ubyte}
 * @param trainLabels {@code train-labels-idx1-ubyte}
 * @param testImages  {@code t10k-images-idx3-ubyte}
 * @param testLabels  {@code t10k-labels-idx1-ubyte}
 */
public record IdxFileSet(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {
    /** Base name of the training images. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    /** Base name of the training labels. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    /** Base name of the test images. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    /** Base name of the test labels. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** The four base names, in the order of the record components. */
    public static final List<String> BASE_NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    /** The four files, in the order of {@link #BASE_NAMES}. */
    public List<Path> files() {
        return List.of(trainImages, trainLabels, testImages, testLabels);
    }

    /**
     * Looks for the four files in {@code directory} and, failing that, in its npm layout {@code package/data/}.
     * Each file may be raw (base name) or gzip (base name + {@code .gz}).
     *
     * @return the files, or a description of what is missing
     */
    public static Lookup lookIn(Path directory) {
        Lookup direct = lookInExactly(directory);
        if (direct.found() != null) {
            return direct;
        }
        Lookup npm = lookInExactly(directory.resolve("package").resolve("data"));
        return npm.found() != null ? npm : direct;
    }

    private static Lookup lookInExactly(Path directory) {
        if (!Files.isDirectory(directory)) {
            return new Lookup(null, "no such directory");
        }
        List<Path> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String base : BASE_NAMES) {
            Path raw = directory.resolve(base);
            Path gz = directory.resolve(base + ".gz");
            if (Files.isRegularFile(raw)) {
                found.add(raw);
            } else if (Files.isRegularFile(gz)) {
                found.add(gz);
            } else {
                missing.add(base);
            }
        }
        if (!missing.isEmpty()) {
            return new Lookup(null, "missing " + String.join(", ", missing));
        }
        return new Lookup(new IdxFileSet(found.get(0), found.get(1), found.get(2), found.get(3)), "found");
    }

    /**
     * The result of looking in one directory.
     *
     * @param found  the files, or null when some are missing
     * @param reason why nothing was found, for messages
     */
    public record Lookup(IdxFileSet found, String reason) {
    }
}
