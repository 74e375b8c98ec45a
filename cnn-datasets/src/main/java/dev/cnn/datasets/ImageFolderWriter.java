package dev.cnn.datasets;

import dev.cnn.api.data.Dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes a dataset as a folder of PNG images that {@link ImageFolderSource} reads back: {@code DIR/train/<class>/}
 * and {@code DIR/test/<class>/} with one file per image ({@code 00000.png}, numbered within its split), and, for a
 * tagged dataset, {@code DIR/tags.csv}, its fields written as {@link CsvField} says (quoted where needed, never read
 * as a formula by a spreadsheet). Pixels are written as 8-bit grey or RGB. A character of a class name that cannot be
 * in a folder name ({@code / \ : * ? " < > |} and control characters) becomes {@code _}; two classes whose folders
 * would then have the same name, and a tag that tags.csv cannot give back as it is (empty, with a {@code ;} or with
 * spaces around it), are refused before anything is written.
 */
public final class ImageFolderWriter {
    private ImageFolderWriter() {
    }

    /**
     * Writes {@code train} and {@code test} into {@code dir}, which must not exist or be empty.
     *
     * @param listener told the progress over both splits
     * @throws IOException when {@code dir} holds files already, or a file cannot be written (naming it)
     */
    public static void write(Dataset train, Dataset test, Path dir, LoadListener listener) throws IOException {
        if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
            throw new IOException(dir + " exists and is not an empty folder; give a new folder to write the images into");
        }
        checkFolderNames(train.classNames());
        checkFolderNames(test.classNames());
        checkTagNames(train.hasTags() ? train.tagNames() : test.tagNames());
        List<Item> items = new ArrayList<>();
        items.addAll(items(train, dir.resolve("train")));
        items.addAll(items(test, dir.resolve("test")));
        for (Item item : items) {
            Files.createDirectories(item.file().getParent());
        }
        int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        try {
            ParallelMap.map(items, item -> {
                writePng(item);
                return item;
            }, threads, listener::progress);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (train.hasTags() || test.hasTags()) {
            try (Writer csv = Files.newBufferedWriter(dir.resolve(TagsFile.FILE_NAME), StandardCharsets.UTF_8)) {
                csv.write("path,tags\n");
                for (Item item : items) {
                    if (item.data().hasTags()) {
                        csv.write(CsvField.written(TagsFile.key(dir, item.file())) + ","
                                + CsvField.written(tags(item.data(), item.index())) + "\n");
                    }
                }
            }
        }
    }

    /** {@code name} as a folder name. */
    public static String folderName(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7F || "/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c);
        }
        String s = sb.toString().strip();
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }

    /** Refuses two class names that would be written to the same folder. */
    private static void checkFolderNames(List<String> classNames) throws IOException {
        java.util.Map<String, String> byFolder = new java.util.HashMap<>();
        for (String name : classNames) {
            String other = byFolder.putIfAbsent(folderName(name), name);
            if (other != null) {
                throw new IOException("the classes '" + other + "' and '" + name + "' would both be written to the folder "
                        + folderName(name) + " (a character a folder name cannot hold becomes _), and read back as one"
                        + " class; rename one of them");
            }
        }
    }

    /** Refuses a tag that tags.csv would not give back as it is. */
    private static void checkTagNames(List<String> tagNames) throws IOException {
        for (String tag : tagNames) {
            if (tag.isEmpty() || tag.indexOf(';') >= 0 || !tag.equals(tag.strip())) {
                throw new IOException("the tag '" + tag + "' cannot be written to tags.csv and read back as it is: tags.csv"
                        + " separates tags with ; and strips the spaces around them; rename it");
            }
        }
    }

    private record Item(Dataset data, int index, Path file) {
    }

    private static List<Item> items(Dataset data, Path splitDir) {
        List<Item> items = new ArrayList<>();
        int digits = Math.max(5, Integer.toString(Math.max(0, data.size() - 1)).length());
        for (int i = 0; i < data.size(); i++) {
            String folder = folderName(data.classNames().get(data.label(i)));
            items.add(new Item(data, i, splitDir.resolve(folder).resolve(String.format("%0" + digits + "d.png", i))));
        }
        return items;
    }

    private static void writePng(Item item) {
        try {
            if (!ImageIO.write(ImageConverter.toImage(item.data().features(item.index()), item.data().sampleShape()), "png",
                    item.file().toFile())) {
                throw new IOException("no PNG writer in javax.imageio");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(item.file() + ": cannot write the image: " + e.getMessage(), e));
        }
    }

    private static String tags(Dataset data, int index) {
        float[] tags = data.tags(index);
        List<String> names = new ArrayList<>();
        for (int t = 0; t < tags.length; t++) {
            if (tags[t] > 0.5f) {
                names.add(data.tagNames().get(t));
            }
        }
        return String.join(";", names);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }
}
