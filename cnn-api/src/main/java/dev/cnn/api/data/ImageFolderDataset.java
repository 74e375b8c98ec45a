package dev.cnn.api.data;

import dev.cnn.api.tensor.Shape;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads a directory with one sub-directory per class, each holding PNG or JPEG images. Class names are the
 * sub-directory names in sorted order; images are read in sorted file-name order and converted with
 * {@link ImageConverter} to a common sample shape. Hidden files and files with other extensions are ignored.
 */
public final class ImageFolderDataset {
    private ImageFolderDataset() {
    }

    /**
     * @param root        the directory of class directories
     * @param sampleShape the shape every image is converted to, {@code [1 or 3, H, W]}
     * @throws IOException when the directory holds no class or no image, or an image cannot be decoded (the message
     *                     names the file)
     */
    public static Dataset load(Path root, Shape sampleShape) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " is not a directory of class folders");
        }
        List<Path> classDirs = sortedChildren(root, true);
        if (classDirs.isEmpty()) {
            throw new IOException(root + " holds no class folders (one sub-directory of images per class)");
        }
        List<String> classNames = new ArrayList<>();
        List<float[]> samples = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classDirs.size(); c++) {
            classNames.add(classDirs.get(c).getFileName().toString());
            for (Path file : sortedChildren(classDirs.get(c), false)) {
                if (isImageName(file)) {
                    samples.add(ImageConverter.read(file, sampleShape));
                    labels.add(c);
                }
            }
        }
        if (samples.isEmpty()) {
            throw new IOException(root + " holds no .png, .jpg or .jpeg images in its class folders " + classNames);
        }
        int size = sampleShape.size();
        float[] features = new float[samples.size() * size];
        int[] labelArray = new int[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            System.arraycopy(samples.get(i), 0, features, i * size, size);
            labelArray[i] = labels.get(i);
        }
        return new Dataset(sampleShape, features, labelArray, classNames);
    }

    private static List<Path> sortedChildren(Path dir, boolean directories) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (!p.getFileName().toString().startsWith(".") && Files.isDirectory(p) == directories) {
                    out.add(p);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static boolean isImageName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
    }
}
