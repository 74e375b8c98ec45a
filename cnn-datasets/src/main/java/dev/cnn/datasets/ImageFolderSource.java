package dev.cnn.datasets;

import dev.cnn.api.data.Dataset;

import dev.cnn.api.tensor.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dataset read from a folder of images with one sub-folder per class (see {@link ImageFolderLayout}), with optional
 * tags from a {@code tags.csv} beside the class folders (see {@link TagsFile}). Every image is decoded once, on several
 * threads, and resized to one sample shape ({@link ImageConverter}); both splits are then held in memory. The images
 * decoded at once share a budget of the free heap ({@link DecodeMemory}), so a machine with more cores does not run out
 * of memory where one with fewer would not. An image that does not decode, or whose header declares more pixels than
 * allowed ({@link ImageDecoder}), is reported to the {@link LoadListener} by file name and left out; a valid image too
 * large for the memory Java has, even decoded alone, stops the load ({@link ImageTooLargeException}). A training class folder without any readable image is not a class: it is reported as a
 * warning and left out. A test folder whose class has no training image is refused, and so is an empty split, when it
 * is asked for.
 */
public final class ImageFolderSource implements DatasetSource {
    private final Path root;
    private final ImageFolderOptions options;
    private final LoadListener listener;
    private Loaded loaded;
    private Loaded loadedTest;

    /**
     * @param root     the dataset folder
     * @param options  the sample shape and classes wanted
     * @param listener hears progress, skipped files and warnings
     */
    public ImageFolderSource(Path root, ImageFolderOptions options, LoadListener listener) {
        this.root = root;
        this.options = options;
        this.listener = listener;
    }

    @Override
    public String name() {
        return root.toString();
    }

    @Override
    public Dataset train() throws IOException {
        return load(true).trainOrFail(root);
    }

    @Override
    public Dataset test() throws IOException {
        return load(false).testOrFail(root);
    }

    /**
     * The images at {@code indices} of the test split, in that order, as the options' classes, channels and size: only
     * these images are decoded, so showing one image of a large folder at a large size decodes one. Index {@code i} is
     * the {@code i}-th file of the test split as {@link ImageFolderLayout} lists it (by class folder, then file name):
     * its index in {@link #test()} when every image of the split reads.
     *
     * @throws IllegalArgumentException when the options do not give the classes, channels and size, or an index is
     *                                  outside the split
     * @throws IOException              when an image asked for cannot be read (naming it), its folder is not one of the
     *                                  classes, or the folder is not a folder of class folders
     */
    public Dataset testImagesAt(int[] indices) throws IOException {
        if (options.classNames().isEmpty() || options.channels() == 0 || options.rows() == 0) {
            throw new IllegalArgumentException("test images are picked by index as known classes of a known size; give"
                    + " the classes, channels and size in the options");
        }
        ImageFolderLayout layout = ImageFolderLayout.scan(root, options.testFraction(), listener);
        List<ImageFolderLayout.Entry> files = layout.test();
        List<ImageFolderLayout.Entry> picked = new ArrayList<>();
        for (int index : indices) {
            if (index < 0 || index >= files.size()) {
                throw new IllegalArgumentException("index " + index + " is outside the test split, which has images 0.."
                        + (files.size() - 1));
            }
            checkKnown(files.get(index), layout.splitFolders() ? root.resolve("test") : root);
            picked.add(files.get(index));
        }
        Path tagsCsv = root.resolve(TagsFile.FILE_NAME);
        TagsFile tags = Files.isRegularFile(tagsCsv) ? TagsFile.read(tagsCsv, root, listener) : null;
        Shape shape = Shape.of(options.channels(), options.rows(), options.columns());
        DecodeMemory memory = DecodeMemory.ofFreeHeap();
        Map<Path, float[]> samples = new LinkedHashMap<>();
        for (int k = 0; k < picked.size(); k++) {
            Object result = decode(picked.get(k).file(), shape, memory);
            if (result instanceof ImageTooLargeException e) {
                throw e;
            }
            if (!(result instanceof float[] sample)) {
                throw new IOException(result + " (test image #" + indices[k] + ")");
            }
            samples.put(picked.get(k).file(), sample);
        }
        listener.finished(samples.size(), 0);
        return split(picked, samples, options.classNames(), shape, tags, new int[1]);
    }

    /** The files of the splits read so far that were left out because they could not be read. */
    public synchronized int skippedFiles() {
        return (loaded == null ? 0 : loaded.skipped) + (loadedTest == null || loadedTest == loaded ? 0 : loadedTest.skipped);
    }

    /**
     * Both splits, read together, unless the classes are known: then only the split asked for is read, because the
     * training folders are not needed to tell the classes.
     */
    private synchronized Loaded load(boolean trainSplit) throws IOException {
        boolean both = options.classNames().isEmpty();
        if (trainSplit || both) {
            if (loaded == null) {
                loaded = read(true, both);
                loadedTest = both ? loaded : loadedTest;
            }
            return loaded;
        }
        if (loadedTest == null) {
            loadedTest = read(false, true);
        }
        return loadedTest;
    }

    private Loaded read(boolean trainSplit, boolean testSplit) throws IOException {
        ImageFolderLayout layout = ImageFolderLayout.scan(root, options.testFraction(), listener);
        Path tagsCsv = root.resolve(TagsFile.FILE_NAME);
        TagsFile tags = Files.isRegularFile(tagsCsv) ? TagsFile.read(tagsCsv, root, listener) : null;
        List<ImageFolderLayout.Entry> all = new ArrayList<>(trainSplit ? layout.train() : List.of());
        all.addAll(testSplit ? layout.test() : List.of());
        Set<Path> unreadable = new LinkedHashSet<>();
        Shape shape = sampleShape(all, unreadable);
        List<ImageFolderLayout.Entry> toDecode = all.stream().filter(e -> !unreadable.contains(e.file())).toList();
        DecodeMemory memory = DecodeMemory.ofFreeHeap();
        List<Object> decoded = ParallelMap.map(toDecode, e -> decode(e.file(), shape, memory), options.threads(),
                listener::progress);
        for (Object result : decoded) {
            if (result instanceof ImageTooLargeException e) {
                throw e;
            }
        }
        Map<Path, float[]> samples = new LinkedHashMap<>();
        for (int i = 0; i < toDecode.size(); i++) {
            Path file = toDecode.get(i).file();
            if (decoded.get(i) instanceof float[] sample) {
                samples.put(file, sample);
            } else {
                unreadable.add(file);
                listener.skipped(file, (String) decoded.get(i));
            }
        }
        List<String> classes = classes(layout, samples);
        int[] untagged = new int[1];
        Dataset train = trainSplit ? split(layout.train(), samples, classes, shape, tags, untagged) : null;
        Dataset test = testSplit ? split(layout.test(), samples, classes, shape, tags, untagged) : null;
        if (untagged[0] > 0) {
            listener.warning(untagged[0] + " images have no line in " + tagsCsv + ", so they have no tags");
        }
        listener.finished(samples.size(), unreadable.size());
        return new Loaded(train, test, unreadable.size());
    }

    /** The shape asked for, or what the images are: their one size, and 3 channels when any is in colour. */
    private Shape sampleShape(List<ImageFolderLayout.Entry> entries, Set<Path> unreadable) throws IOException {
        if (options.channels() != 0 && options.rows() != 0) {
            return Shape.of(options.channels(), options.rows(), options.columns());
        }
        List<Object> headers = ParallelMap.map(entries, e -> header(e.file()), options.threads(), listener::progress);
        Map<String, String> sizes = new LinkedHashMap<>();
        boolean colour = false;
        for (int i = 0; i < entries.size(); i++) {
            Path file = entries.get(i).file();
            if (headers.get(i) instanceof ImageHeader h) {
                colour |= h.colour();
                sizes.putIfAbsent(h.width() + "x" + h.height(), FileNames.shown(file));
            } else {
                unreadable.add(file);
                listener.skipped(file, (String) headers.get(i));
            }
        }
        int channels = options.channels() != 0 ? options.channels() : colour ? 3 : 1;
        if (options.rows() != 0) {
            return Shape.of(channels, options.rows(), options.columns());
        }
        if (sizes.isEmpty()) {
            return Shape.of(channels, 1, 1);
        }
        List<Map.Entry<String, String>> found = new ArrayList<>(sizes.entrySet());
        if (found.size() > 1) {
            throw new IOException("the images in " + root + " have " + found.size() + " different sizes (such as "
                    + found.get(0).getKey() + " in " + found.get(0).getValue() + " and " + found.get(1).getKey() + " in "
                    + found.get(1).getValue() + "); give the size to resize them all to, such as --input-size 32 or"
                    + " --input-size 48x64 (height x width)");
        }
        String[] wh = found.get(0).getKey().split("x");
        int width = Integer.parseInt(wh[0]);
        int height = Integer.parseInt(wh[1]);
        if (Math.max(width, height) > ImageFolderOptions.LARGEST_INFERRED_SIDE) {
            throw new IOException("the images in " + root + " are " + width + "x" + height + ", too large to be a"
                    + " network's input as they are; give a smaller size to resize them to, such as --input-size 64");
        }
        return Shape.of(channels, height, width);
    }

    private static Object header(Path file) {
        try {
            return ImageHeader.read(file);
        } catch (IOException | RuntimeException e) {
            return e.getMessage() == null ? FileNames.shown(file) + ": " + e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /**
     * The sample of {@code file}; the reason it is skipped when it is not an image that decodes; or, when it is a valid
     * image too large for the memory Java has, the {@link ImageTooLargeException} that stops the load. The memory it
     * needs is reserved from {@code memory} first, so images decoded at once share the heap instead of exhausting it;
     * an image that runs out of memory anyway is tried again alone.
     */
    private static Object decode(Path file, Shape shape, DecodeMemory memory) {
        try {
            ImageHeader header = ImageHeader.read(file);
            long needed = ImageConverter.bytesToRead(header, shape);
            if (needed < memory.capacity()) {
                try (DecodeMemory.Lease lease = memory.reserve(needed)) {
                    return ImageConverter.read(file, header, shape);
                } catch (ImageTooLargeException e) {
                    // another image held memory it needed: try again alone, below
                }
            }
            try (DecodeMemory.Lease alone = memory.reserveAll()) {
                return ImageConverter.read(file, header, shape);
            } catch (ImageTooLargeException e) {
                return e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FileNames.shown(file) + ": not read, loading was interrupted";
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String shown = FileNames.shown(file);
            return message.startsWith(shown) ? message : shown + ": " + message;
        }
    }

    private List<String> classes(ImageFolderLayout layout, Map<Path, float[]> samples) throws IOException {
        Map<String, int[]> counts = new LinkedHashMap<>();
        layout.classFolders().forEach(f -> counts.put(f, new int[2]));
        for (ImageFolderLayout.Entry e : layout.train()) {
            int[] c = counts.get(e.folder());
            c[0]++;
            c[1] += samples.containsKey(e.file()) ? 1 : 0;
        }
        Path trainRoot = layout.splitFolders() ? root.resolve("train") : root;
        if (!options.classNames().isEmpty()) {
            for (ImageFolderLayout.Entry e : layout.train()) {
                checkKnown(e, trainRoot);
            }
            for (ImageFolderLayout.Entry e : layout.test()) {
                checkKnown(e, layout.splitFolders() ? root.resolve("test") : root);
            }
            return options.classNames();
        }
        List<String> classes = new ArrayList<>();
        for (Map.Entry<String, int[]> c : counts.entrySet()) {
            String folder = inFolder(trainRoot, c.getKey());
            if (c.getValue()[0] == 0) {
                listener.warning(folder + " holds no images (" + String.join(", ", ImageFolderLayout.IMAGE_EXTENSIONS)
                        + "), so it is not a class: skipped; put images in it or remove it");
            } else if (c.getValue()[1] == 0) {
                listener.warning("none of the " + c.getValue()[0] + " images in " + folder + " could be read, so it is"
                        + " not a class: skipped");
            } else {
                classes.add(c.getKey());
            }
        }
        for (ImageFolderLayout.Entry e : layout.test()) {
            if (!classes.contains(e.folder()) && samples.containsKey(e.file())) {
                throw new IOException(FileNames.shown(e.file()) + " is a test image of class '" + e.folder() + "', but there are no"
                        + " training images of that class in " + inFolder(trainRoot, e.folder()) + "; add some, or remove"
                        + " the test folder");
            }
        }
        if (classes.isEmpty()) {
            throw new IOException(trainRoot + " holds no readable training images in its class folders "
                    + layout.classFolders() + "; put .png, .jpg, .bmp or .gif images in them");
        }
        return classes;
    }

    private void checkKnown(ImageFolderLayout.Entry e, Path base) throws IOException {
        if (!options.classNames().contains(e.folder())) {
            throw new IOException("the folder " + inFolder(base, e.folder()) + " is not one of the model's classes "
                    + options.classNames() + "; use folders named after them");
        }
    }

    /** The folder {@code name} in {@code base}, for messages: a name Java cannot encode in this locale is shown too. */
    private static String inFolder(Path base, String name) {
        return FileNames.shown(base) + java.io.File.separator + name;
    }

    private Dataset split(List<ImageFolderLayout.Entry> entries, Map<Path, float[]> samples, List<String> classes,
                          Shape shape, TagsFile tags, int[] untagged) {
        List<ImageFolderLayout.Entry> kept = entries.stream()
                .filter(e -> samples.containsKey(e.file()) && classes.contains(e.folder())).toList();
        int size = shape.size();
        float[] features = new float[kept.size() * size];
        int[] labels = new int[kept.size()];
        List<String> tagNames = tags == null ? List.of() : tags.tagNames();
        float[] multiHot = tags == null ? null : new float[kept.size() * tagNames.size()];
        for (int i = 0; i < kept.size(); i++) {
            ImageFolderLayout.Entry e = kept.get(i);
            System.arraycopy(samples.get(e.file()), 0, features, i * size, size);
            labels[i] = classes.indexOf(e.folder());
            if (tags != null) {
                List<String> imageTags = tags.tagsByPath().get(TagsFile.key(root, e.file()));
                if (imageTags == null) {
                    untagged[0]++;
                    continue;
                }
                for (String t : imageTags) {
                    multiHot[i * tagNames.size() + tagNames.indexOf(t)] = 1f;
                }
            }
        }
        return kept.isEmpty() ? null : new Dataset(shape, features, labels, classes, multiHot, tagNames);
    }

    private record Loaded(Dataset train, Dataset test, int skipped) {
        Dataset trainOrFail(Path root) throws IOException {
            if (train == null) {
                throw new IOException("the training split of " + root + " is empty: no readable images in its class"
                        + " folders");
            }
            return train;
        }

        Dataset testOrFail(Path root) throws IOException {
            if (test == null) {
                throw new IOException("the test split of " + root + " is empty: no readable test images; add images"
                        + " to the test/<class>/ folders, or give each class folder at least two images so one can be"
                        + " held out");
            }
            return test;
        }
    }
}
