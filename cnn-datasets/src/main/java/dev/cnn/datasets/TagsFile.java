package dev.cnn.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The tags of the images of a folder dataset, read from its {@code tags.csv}: one line per image,
 * {@code path,tag1;tag2;...}, the path relative to the folder that holds {@code tags.csv} with {@code /} between its
 * parts. The path ends at the last comma, so it may hold commas; tags may not. A first line {@code path,tags}, empty
 * lines and lines starting with {@code #} are ignored. A line naming a file that does not exist, or one outside the
 * folder, is reported as a warning and left out; an image without a line has no tags.
 *
 * @param tagsByPath the tags of each image, by its relative path
 * @param tagNames   every tag named for an existing image, sorted
 */
public record TagsFile(Map<String, List<String>> tagsByPath, List<String> tagNames) {
    /** The file name looked for beside the class folders. */
    public static final String FILE_NAME = "tags.csv";

    /** Copies the map and the names. */
    public TagsFile {
        tagsByPath = Map.copyOf(tagsByPath);
        tagNames = List.copyOf(tagNames);
    }

    /**
     * The relative path of {@code file} under {@code root} as tags.csv writes it, with {@code /}: each name read from
     * the bytes the file system holds, as UTF-8 whatever Java's locale (a byte that is not UTF-8 written {@code \xNN}).
     */
    public static String key(Path root, Path file) {
        Path relative = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        StringBuilder key = new StringBuilder();
        for (Path name : relative) {
            key.append(key.length() == 0 ? "" : "/").append(FileNames.nameText(name));
        }
        return key.toString();
    }

    /**
     * Reads {@code csv}, whose paths are relative to {@code root}.
     *
     * @throws IOException when the file cannot be read or holds no valid line
     */
    public static TagsFile read(Path csv, Path root, LoadListener listener) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Map<String, List<String>> tags = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new java.util.HashMap<>();
        TreeSet<String> names = new TreeSet<>();
        int missing = 0;
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
                if (text.isBlank() || text.startsWith("#") || (number == 1 && text.strip().equalsIgnoreCase("path,tags"))) {
                    continue;
                }
                int comma = text.lastIndexOf(',');
                if (comma <= 0) {
                    listener.warning(csv + " line " + number + ": '" + text + "' is not path,tag1;tag2;... - ignored");
                    continue;
                }
                String path = unquote(text.substring(0, comma).strip());
                Path file;
                try {
                    file = base.resolve(path).normalize();
                } catch (InvalidPathException e) {
                    throw new IOException(csv + " line " + number + ": the path " + path + " cannot be a file name in"
                            + " the encoding of Java's locale (" + System.getProperty("sun.jnu.encoding") + "); run Java"
                            + " in a UTF-8 locale, such as with LC_ALL=C.UTF-8 (./cnn does so)", e);
                }
                if (!file.startsWith(base)) {
                    listener.warning(csv + " line " + number + ": " + path + " is outside " + root + " - ignored");
                    continue;
                }
                if (!Files.isRegularFile(file)) {
                    missing++;
                    listener.warning(csv + " line " + number + ": no image file " + file + " - line ignored;"
                            + " fix the path or remove the line");
                    continue;
                }
                List<String> imageTags = new ArrayList<>();
                for (String tag : text.substring(comma + 1).split(";")) {
                    String t = tag.strip();
                    if (!t.isEmpty() && !imageTags.contains(t)) {
                        imageTags.add(t);
                    }
                }
                Integer first = lineOf.putIfAbsent(key(base, file), number);
                if (first != null) {
                    throw new IOException(csv + " line " + number + ": " + path + " is listed again (first on line "
                            + first + "); give each image one line, with all its tags");
                }
                names.addAll(imageTags);
                tags.put(key(base, file), List.copyOf(imageTags));
            }
        } catch (IOException e) {
            throw new IOException(csv + ": cannot read the tags: " + e.getMessage(), e);
        }
        if (tags.isEmpty()) {
            throw new IOException(csv + " names no existing image" + (missing > 0 ? " (" + missing + " lines name missing"
                    + " files)" : "") + "; write one line path,tag1;tag2 per image, paths relative to " + root
                    + ", or remove it");
        }
        return new TagsFile(tags, new ArrayList<>(names));
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
