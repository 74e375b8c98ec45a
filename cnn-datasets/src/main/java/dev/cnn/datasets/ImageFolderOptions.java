package dev.cnn.datasets;

import java.util.List;

/**
 * How {@link ImageFolderSource} turns a folder of images into samples.
 *
 * @param channels     1 (grey) or 3 (red, green, blue); 0 for what the images are: 3 when any image file is in colour,
 *                     else 1
 * @param rows         the height every image is resized to; 0 for the images' own size, which must then be the same
 *                     for every image
 * @param columns      the width every image is resized to; 0 exactly when {@code rows} is 0
 * @param classNames   the classes, indexed by label, when they are already known (from a model): folders are matched by
 *                     name and a folder of another name is refused; empty for the training folders' names
 * @param testFraction for a folder without {@code train/} and {@code test/}, the fraction of each class's images held
 *                     out as the test split, in (0, 1)
 * @param threads      how many images are decoded at once, at least 1
 */
public record ImageFolderOptions(int channels, int rows, int columns, List<String> classNames, double testFraction,
                                 int threads) {
    /** The test fraction of a single folder of class folders unless told otherwise: one image in five. */
    public static final double DEFAULT_TEST_FRACTION = 0.2;
    /** The largest side an image size is taken from the images without {@code --input-size}. */
    public static final int LARGEST_INFERRED_SIDE = 512;

    /** Checks the values. */
    public ImageFolderOptions {
        classNames = List.copyOf(classNames);
        if (channels != 0 && channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (grey), 3 (RGB) or 0 (as the images are), got " + channels);
        }
        if (rows < 0 || columns < 0 || (rows == 0) != (columns == 0)) {
            throw new IllegalArgumentException("the image size must be positive, or 0x0 for the images' own, got "
                    + rows + "x" + columns);
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("the test fraction must be above 0 and below 1, got " + testFraction);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** Images as they are: their own channels and size, classes from the folders, one in five held out for testing. */
    public static ImageFolderOptions defaults() {
        return new ImageFolderOptions(0, 0, 0, List.of(), DEFAULT_TEST_FRACTION,
                Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())));
    }

    /** These options with another number of channels (0, 1 or 3). */
    public ImageFolderOptions withChannels(int value) {
        return new ImageFolderOptions(value, rows, columns, classNames, testFraction, threads);
    }

    /** These options with another size (both 0 for the images' own). */
    public ImageFolderOptions withSize(int height, int width) {
        return new ImageFolderOptions(channels, height, width, classNames, testFraction, threads);
    }

    /** These options with known class names (empty for the folders'). */
    public ImageFolderOptions withClassNames(List<String> names) {
        return new ImageFolderOptions(channels, rows, columns, names, testFraction, threads);
    }

    /** These options with another test fraction. */
    public ImageFolderOptions withTestFraction(double fraction) {
        return new ImageFolderOptions(channels, rows, columns, classNames, fraction, threads);
    }

    /** These options with another number of decoding threads. */
    public ImageFolderOptions withThreads(int value) {
        return new ImageFolderOptions(channels, rows, columns, classNames, testFraction, value);
    }
}
