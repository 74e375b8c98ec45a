package dev.cnn.datasets;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The image files of a folder dataset and the split each belongs to. Two layouts: {@code DIR/train/<class>/*} with
 * {@code DIR/test/<class>/*}, or {@code DIR/<class>/*}, from which a fixed fraction of each class's images is held out
 * as the test split ({@code round(n * fraction)} of a class of {@code n}, at least one when {@code n >= 2}, none when
 * {@code n = 1}). The held-out images are those whose file names have the lowest hashes, chosen before any is decoded,
 * so every command sees the same split of the same files. Images are {@code .png}, {@code .jpg}, {@code .jpeg},
 * {@code .bmp} and {@code .gif} files (any case); hidden files are ignored, other files and nested folders too, with a
 * warning. Names are read from the bytes the file system holds, not from the text Java shows for them in its locale
 * ({@link FileNames}): class names are those bytes as UTF-8, and a class folder whose name is not UTF-8 is refused;
 * an image file is opened by its bytes whatever they are, and held out by a hash of them. Two class folders whose
 * names are the same text in another Unicode encoding ({@link LookAlikeNames}) are refused.
 *
 * @param root         the dataset folder
 * @param splitFolders whether it has {@code train/} and {@code test/} folders
 * @param classFolders the names of the training class folders, sorted
 * @param train        the training images, by class folder then file name
 * @param test         the test images, by class folder then file name
 */
public record ImageFolderLayout(Path root, boolean splitFolders, List<String> classFolders, List<Entry> train,
                                List<Entry> test) {
    /** The file name endings read as images. */
    public static final List<String> IMAGE_EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    /** Copies the lists. */
    public ImageFolderLayout {
        classFolders = List.copyOf(classFolders);
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /**
     * One image file.
     *
     * @param file   the file
     * @param folder the name of its class folder
     */
    public record Entry(Path file, String folder) {
    }

    /** Whether a folder is laid out as a folder dataset: it has sub-folders. */
    public static boolean looksLikeImageFolders(Path dir) throws IOException {
        return Files.isDirectory(dir) && !children(dir, true).isEmpty();
    }

    /**
     * Finds the images under {@code root}.
     *
     * @param testFraction the fraction held out of each class in the single-folder layout
     * @throws IOException when {@code root} is not a folder of class folders
     */
    public static ImageFolderLayout scan(Path root, double testFraction, LoadListener listener) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " is not a directory; give a folder with one sub-folder of images per class");
        }
        Path trainDir = root.resolve("train");
        Path testDir = root.resolve("test");
        boolean split = Files.isDirectory(trainDir) || Files.isDirectory(testDir);
        if (split && !(Files.isDirectory(trainDir) && Files.isDirectory(testDir))) {
            Path missing = Files.isDirectory(trainDir) ? testDir : trainDir;
            throw new IOException(root + " has " + (missing == testDir ? "train/" : "test/") + " but no " + missing
                    + "; give both train/<class>/ and test/<class>/ folders, or put the class folders directly in " + root
                    + " to hold out a test split from them");
        }
        List<String> classes = new ArrayList<>();
        List<Entry> train = new ArrayList<>();
        List<Entry> test = new ArrayList<>();
        if (split) {
            for (Path dir : classDirs(trainDir)) {
                classes.add(className(dir));
                train.addAll(images(dir, listener));
            }
            for (Path dir : children(testDir, true)) {
                test.addAll(images(dir, listener));
            }
        } else {
            for (Path dir : classDirs(root)) {
                classes.add(className(dir));
                List<Entry> files = images(dir, listener);
                List<Entry> byHash = new ArrayList<>(files);
                byHash.sort(Comparator.comparingLong((Entry e) -> hash(e.file())).thenComparing(e -> e.file().toString()));
                int held = files.size() < 2 ? 0 : (int) Math.max(1, Math.min(files.size() - 1,
                        Math.round(files.size() * testFraction)));
                java.util.Set<Entry> heldOut = new java.util.HashSet<>(byHash.subList(0, held));
                for (Entry e : files) {
                    (heldOut.contains(e) ? test : train).add(e);
                }
            }
        }
        String[] lookAlike = LookAlikeNames.firstPair(classes);
        if (lookAlike != null) {
            Path base = split ? trainDir : root;
            throw new IOException("the class folders " + FileNames.shown(base) + java.io.File.separator + lookAlike[0]
                    + " and " + lookAlike[1] + " have names that differ only in how Unicode encodes their letters"
                    + " (composed or not), so they would show as one class; move the images of one into the other");
        }
        return new ImageFolderLayout(root, split, classes, train, test);
    }

    private static List<Path> classDirs(Path dir) throws IOException {
        List<Path> dirs = children(dir, true);
        if (dirs.isEmpty()) {
            throw new IOException(dir + " holds no class folders; put the images of each class in a sub-folder named"
                    + " after the class, such as " + dir.resolve("cat") + "/1.png");
        }
        return dirs;
    }

    /**
     * The class a folder names: its name decoded as UTF-8 from the bytes the file system holds, whatever Java's locale.
     * A name that is not UTF-8 is refused, naming the folder with the bytes that are not written {@code \xNN}: such a
     * class could not be told from another in the model's class names.
     */
    private static String className(Path dir) throws IOException {
        String name = FileNames.utf8Name(dir);
        if (name == null) {
            throw new IOException("the class folder " + FileNames.shown(dir) + " has a name that is not UTF-8 text (the"
                    + " bytes that are not are shown as \\xNN), so it cannot name a class; rename it with a UTF-8 name");
        }
        return name;
    }

    private static List<Entry> images(Path dir, LoadListener listener) throws IOException {
        String folder = className(dir);
        List<Entry> out = new ArrayList<>();
        int others = 0;
        String example = null;
        for (Path p : children(dir, false)) {
            if (isImageName(p)) {
                out.add(new Entry(p, folder));
            } else {
                others++;
                example = example == null ? FileNames.nameText(p) : example;
            }
        }
        List<Path> nested = children(dir, true);
        if (!nested.isEmpty()) {
            listener.warning(FileNames.shown(dir) + ": ignored " + nested.size() + " folder" + (nested.size() == 1 ? "" : "s")
                    + " inside the class folder (such as " + FileNames.nameText(nested.get(0)) + "); images of a class lie"
                    + " directly in its folder");
        }
        if (others > 0) {
            listener.warning(FileNames.shown(dir) + ": ignored " + others + " file" + (others == 1 ? "" : "s") + " that "
                    + (others == 1 ? "is" : "are") + " not " + String.join(", ", IMAGE_EXTENSIONS) + " (such as " + example
                    + ")");
        }
        return out;
    }

    /** The files (or folders) in {@code dir} whose names do not start with a dot, sorted by name. */
    private static List<Path> children(Path dir, boolean directories) throws IOException {
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

    static boolean isImageName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return IMAGE_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static long hash(Path file) {
        CRC32 crc = new CRC32();
        crc.update(FileNames.rawName(file));
        return crc.getValue();
    }
}
