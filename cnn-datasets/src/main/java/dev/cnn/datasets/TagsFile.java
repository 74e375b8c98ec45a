package dev.cnn.datasets;

import java.io.IOException;
import java.io.Reader;
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
 * parts. Fields are CSV as {@link CsvField} writes them: in double quotes when they hold a comma or a quote, with a
 * single quote before one a spreadsheet would take for a formula. An unquoted path ends at the last comma, so it may
 * hold commas; tags may not. A first line {@code path,tags}, empty lines and lines starting with {@code #} are ignored.
 * A line naming a file that does not exist, or one outside the folder, is reported as a warning and left out; an image
 * without a line has no tags. A line longer than {@link DatasetLimits#MAX_TAGS_LINE_CHARS} characters, an image listed
 * twice and a tag listed twice for an image are refused, naming the line.
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
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            CsvLineReader lines = new CsvLineReader(reader, csv.toString(), DatasetLimits.MAX_TAGS_LINE_CHARS,
                    "a line of tags.csv names one image and its tags: path,tag1;tag2");
            String line;
            while ((line = lines.nextLine()) != null) {
                int number = lines.lineNumber();
                String text = number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
                if (text.isBlank() || text.startsWith("#") || (number == 1 && text.strip().equalsIgnoreCase("path,tags"))) {
                    continue;
                }
                List<String> fields = lines.fields(text).stream().map(CsvField::restored).toList();
                String path = unquote(String.join(",", fields.subList(0, fields.size() - 1)).strip());
                if (fields.size() < 2 || path.isEmpty()) {
                    listener.warning(csv + " line " + number + ": '" + text + "' is not path,tag1;tag2;... - ignored");
                    continue;
                }
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
                for (String tag : fields.get(fields.size() - 1).split(";")) {
                    String t = tag.strip();
                    if (imageTags.contains(t)) {
                        throw new IOException(csv + " line " + number + ": " + path + " lists the tag '" + t + "' twice;"
                                + " list each of its tags once");
                    }
                    if (!t.isEmpty()) {
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
            if (e.getMessage() != null && e.getMessage().startsWith(csv.toString())) {
                throw e;
            }
            throw new IOException(csv + ": cannot read the tags: " + e.getMessage(), e);
        }
        String[] lookAlike = LookAlikeNames.firstPair(names);
        if (lookAlike != null) {
            throw new IOException(csv + ": the tags '" + lookAlike[0] + "' and '" + lookAlike[1] + "' differ only in how"
                    + " Unicode encodes their letters (composed or not), so they would show as one tag; write them the same"
                    + " way");
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
