package dev.cnn.datasets;

import dev.cnn.api.data.Dataset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A train/test dataset whose IDX files have been found; the files are read each time a split is asked for.
 *
 * @param name       the dataset's name, or its directory when it was given as a path
 * @param classNames the class names, indexed by label; when empty, classes are named by number ("0", "1", ...)
 *                   up to the largest label in either split
 * @param files      the four IDX files
 */
public record LocatedDataset(String name, List<String> classNames, IdxFileSet files) implements DatasetSource {
    /** Copies the class names. */
    public LocatedDataset {
        classNames = List.copyOf(classNames);
    }

    /**
     * The training split: features in [0, 1], sample shape {@code [1, rows, columns]}. Without class names, the classes
     * are the training labels {@code 0 .. K-1}, each of which must label some training image.
     */
    public Dataset train() throws IOException {
        return IdxReader.readDataset(files.trainImages(), files.trainLabels(), effectiveClassNames());
    }

    /** The test split: features in [0, 1], sample shape {@code [1, rows, columns]}. */
    public Dataset test() throws IOException {
        return IdxReader.readDataset(files.testImages(), files.testLabels(), effectiveClassNames());
    }

    private List<String> effectiveClassNames() throws IOException {
        if (!classNames.isEmpty()) {
            return classNames;
        }
        int[] labels = IdxReader.readLabels(files.trainLabels());
        if (labels.length == 0) {
            throw new IdxFormatException(files.trainLabels().getFileName() + " holds no labels: the training split is"
                    + " empty; a dataset needs training images of every class");
        }
        int largest = 0;
        int largestAt = -1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] > largest) {
                largest = labels[i];
                largestAt = i;
            }
        }
        boolean[] present = new boolean[largest + 1];
        for (int label : labels) {
            present[label] = true;
        }
        for (int c = 0; c <= largest; c++) {
            if (!present[c]) {
                throw new IdxFormatException(files.trainLabels().getFileName() + ": label " + largest + " of training image #"
                        + largestAt + " makes " + (largest + 1) + " classes, but class " + c + " has no training image;"
                        + " labels must run from 0 to the number of classes - 1 with every class present: fix the labels");
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c <= largest; c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }
}
