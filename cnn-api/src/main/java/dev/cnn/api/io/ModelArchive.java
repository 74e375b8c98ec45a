package dev.cnn.api.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cnn.api.tensor.Shape;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes and reads model files: one zip holding
 * <ul>
 *   <li>{@code model.json}: the caller's model description, stored as given (UTF-8);</li>
 *   <li>{@code parameters.json}: the index {@code {"format":1,"arrays":[{"name","shape","entry"}, ...]}};</li>
 *   <li>{@code parameters/<i>.f32}: one entry per parameter, its values as little-endian float32, row-major;</li>
 *   <li>{@code optimizer/state.json} and {@code optimizer/<i>.f32}: the same for optimizer state, present only
 *   when there is some.</li>
 * </ul>
 * Writing goes to a temporary file in the target's directory, which is then renamed over the target, so a crash
 * never leaves half a file. Reading trusts nothing in the file: every failure is a {@link ModelFormatException}
 * with one clear message, sizes declared by the zip are never trusted, and nothing larger than the declared shapes
 * (themselves bounded by {@link ModelArchiveLimits}) is allocated. No Java serialization is involved.
 */
public final class ModelArchive {
    /** The entry holding the model description. */
    public static final String MODEL_ENTRY = "model.json";
    /** The entry indexing the parameters. */
    public static final String PARAMETERS_INDEX = "parameters.json";
    /** The entry indexing the optimizer state. */
    public static final String OPTIMIZER_INDEX = "optimizer/state.json";
    /** The version of the index format this class writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** The largest expansion ratio of deflate, used to bound what an entry of a file of a given size can hold. */
    private static final long MAX_DEFLATE_RATIO = 1032;
    private static final int CHUNK_BYTES = 1 << 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelArchive() {
    }

    /** Writes {@code contents} to {@code file} atomically, replacing any file there. */
    public static void write(Path file, ModelArchiveContents contents) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileOutputStream fileOut = new FileOutputStream(temp.toFile());
                 ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(fileOut, CHUNK_BYTES))) {
                writeText(zip, MODEL_ENTRY, contents.modelJson());
                writeArrays(zip, PARAMETERS_INDEX, "parameters/", contents.parameters());
                if (!contents.optimizerState().isEmpty()) {
                    writeArrays(zip, OPTIMIZER_INDEX, "optimizer/", contents.optimizerState());
                }
                zip.finish();
                zip.flush();
                fileOut.getFD().sync();
            }
            makeReadableLikeAnyNewFile(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Temporary files are private (0600); a model file should get the permissions any new file gets (0644). */
    private static void makeReadableLikeAnyNewFile(Path temp) throws IOException {
        if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Reads a model file with the {@linkplain ModelArchiveLimits#DEFAULT default limits}. */
    public static ModelArchiveContents read(Path file) throws IOException {
        return read(file, ModelArchiveLimits.DEFAULT);
    }

    /**
     * Reads a model file.
     *
     * @throws NoSuchFileException  when there is no such file
     * @throws ModelFormatException for anything wrong with its content
     */
    public static ModelArchiveContents read(Path file, ModelArchiveLimits limits) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no model file here");
        }
        String name = String.valueOf(file.getFileName());
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new ModelFormatException(name + ": not a model file (not a zip archive, or truncated): "
                    + e.getMessage(), e);
        }
        try (zip) {
            return new ArchiveReader(name, zip, Files.size(file), limits).read();
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException(name + ": corrupt model file: " + e.getMessage(), e);
        }
    }

    private static void writeText(ZipOutputStream zip, String entry, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void writeArrays(ZipOutputStream zip, String indexEntry, String folder, List<NamedArray> arrays)
            throws IOException {
        ObjectNode index = JSON.createObjectNode();
        index.put("format", FORMAT_VERSION);
        ArrayNode list = index.putArray("arrays");
        for (int i = 0; i < arrays.size(); i++) {
            NamedArray a = arrays.get(i);
            ObjectNode item = list.addObject();
            item.put("name", a.name());
            ArrayNode shape = item.putArray("shape");
            for (int d : a.shape().dims()) {
                shape.add(d);
            }
            item.put("entry", folder + i + ".f32");
        }
        writeText(zip, indexEntry, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(index));
        for (int i = 0; i < arrays.size(); i++) {
            writeFloats(zip, folder + i + ".f32", arrays.get(i).data());
        }
    }

    /** Writes the values uncompressed (float data hardly compresses), which needs the CRC before the data. */
    private static void writeFloats(ZipOutputStream zip, String entryName, float[] data) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        CRC32 crc = new CRC32();
        for (int from = 0; from < data.length; from += CHUNK_BYTES / 4) {
            fill(chunk, data, from);
            crc.update(chunk.array(), 0, chunk.limit());
        }
        ZipEntry entry = new ZipEntry(entryName);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(4L * data.length);
        entry.setCompressedSize(4L * data.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        for (int from = 0; from < data.length; from += CHUNK_BYTES / 4) {
            fill(chunk, data, from);
            zip.write(chunk.array(), 0, chunk.limit());
        }
        zip.closeEntry();
    }

    private static void fill(ByteBuffer chunk, float[] data, int from) {
        chunk.clear();
        int n = Math.min(CHUNK_BYTES / 4, data.length - from);
        chunk.asFloatBuffer().put(data, from, n);
        chunk.limit(4 * n);
    }

    /** One read of one archive, keeping the running totals that the limits bound. */
    private static final class ArchiveReader {
        private final String name;
        private final ZipFile zip;
        private final long fileSize;
        private final ModelArchiveLimits limits;
        private final Set<String> usedEntries = new HashSet<>();
        private long totalFloats;

        ArchiveReader(String name, ZipFile zip, long fileSize, ModelArchiveLimits limits) {
            this.name = name;
            this.zip = zip;
            this.fileSize = fileSize;
            this.limits = limits;
        }

        ModelArchiveContents read() throws IOException {
            checkEntries();
            String modelJson = readText(MODEL_ENTRY, true);
            List<NamedArray> parameters = readArrays(PARAMETERS_INDEX, true);
            List<NamedArray> optimizer = readArrays(OPTIMIZER_INDEX, false);
            return new ModelArchiveContents(modelJson, parameters, optimizer);
        }

        private void checkEntries() throws ModelFormatException {
            if (zip.size() > limits.maxEntries()) {
                throw fail("has " + zip.size() + " entries, more than the " + limits.maxEntries() + " allowed");
            }
            Set<String> names = new HashSet<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (!names.add(entry)) {
                    throw fail("holds the entry " + entry + " twice");
                }
            }
        }

        private String readText(String entryName, boolean required) throws IOException {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                if (required) {
                    throw fail("has no " + entryName + " entry; is it a model file?");
                }
                return null;
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(entry)) {
                bytes = in.readNBytes(limits.maxJsonBytes() + 1);
            }
            if (bytes.length > limits.maxJsonBytes()) {
                throw fail(entryName + " is larger than the " + limits.maxJsonBytes() + " bytes allowed");
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw fail(entryName + " is not valid UTF-8");
            }
        }

        private List<NamedArray> readArrays(String indexEntry, boolean required) throws IOException {
            String text = readText(indexEntry, required);
            if (text == null) {
                return List.of();
            }
            JsonNode index;
            try {
                index = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw fail(indexEntry + " is not valid JSON: " + e.getOriginalMessage());
            }
            if (index == null || !index.isObject()) {
                throw fail(indexEntry + " is not a JSON object");
            }
            JsonNode format = index.get("format");
            if (format == null || !format.isInt() || format.intValue() != FORMAT_VERSION) {
                throw fail(indexEntry + " has format " + format + "; this version reads format " + FORMAT_VERSION);
            }
            JsonNode list = index.get("arrays");
            if (list == null || !list.isArray()) {
                throw fail(indexEntry + " has no \"arrays\" list");
            }
            if (list.size() > limits.maxEntries()) {
                throw fail(indexEntry + " lists " + list.size() + " arrays, more than the " + limits.maxEntries()
                        + " allowed");
            }
            List<Declared> declared = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (JsonNode item : list) {
                Declared d = declared(indexEntry, item);
                if (!names.add(d.name)) {
                    throw fail(indexEntry + " lists the name '" + d.name + "' twice");
                }
                declared.add(d);
            }
            List<NamedArray> arrays = new ArrayList<>();
            for (Declared d : declared) {
                arrays.add(new NamedArray(d.name, d.shape, readFloats(d)));
            }
            return arrays;
        }

        /** Validates one index item completely, before any of its data is read. */
        private Declared declared(String indexEntry, JsonNode item) throws ModelFormatException {
            if (!item.isObject() || !item.path("name").isTextual() || !item.path("entry").isTextual()
                    || !item.path("shape").isArray()) {
                throw fail(indexEntry + ": each array needs a text \"name\", a text \"entry\" and a \"shape\" list,"
                        + " got " + abbreviate(item.toString()));
            }
            String arrayName = item.get("name").textValue();
            String entryName = item.get("entry").textValue();
            JsonNode shapeNode = item.get("shape");
            if (arrayName.isEmpty()) {
                throw fail(indexEntry + " lists an array with an empty name");
            }
            if (shapeNode.size() > limits.maxRank()) {
                throw fail("array '" + arrayName + "' has " + shapeNode.size() + " dimensions, more than the "
                        + limits.maxRank() + " allowed");
            }
            int[] dims = new int[shapeNode.size()];
            long size = 1;
            for (int i = 0; i < dims.length; i++) {
                JsonNode d = shapeNode.get(i);
                if (!d.isIntegralNumber() || !d.canConvertToInt() || d.intValue() <= 0) {
                    throw fail("array '" + arrayName + "' has dimension " + d + " in shape " + shapeNode
                            + "; dimensions are positive integers");
                }
                dims[i] = d.intValue();
                size *= dims[i];
                if (size > limits.maxTotalFloats()) {
                    throw fail("array '" + arrayName + "' declares shape " + shapeNode + ", more than the "
                            + limits.maxTotalFloats() + " floats allowed");
                }
            }
            totalFloats += size;
            if (totalFloats > limits.maxTotalFloats()) {
                throw fail("the arrays declare more than the " + limits.maxTotalFloats() + " floats allowed in all");
            }
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw fail("array '" + arrayName + "' names the entry " + entryName + ", which is not in the file");
            }
            if (!usedEntries.add(entryName)) {
                throw fail("the entry " + entryName + " is named by two arrays");
            }
            long ceiling = entry.getMethod() == ZipEntry.STORED ? fileSize : fileSize * MAX_DEFLATE_RATIO + 1024;
            if (4 * size > ceiling) {
                throw fail("array '" + arrayName + "' declares shape " + shapeNode + " (" + 4 * size + " bytes), more"
                        + " than a file of " + fileSize + " bytes can hold");
            }
            return new Declared(arrayName, Shape.of(dims), entry, (int) size);
        }

        /**
         * Reads exactly {@code 4 * size} bytes; the array grows as data arrives, so a file that declares a large
         * shape but holds little data is rejected after allocating about what it holds.
         */
        private float[] readFloats(Declared d) throws IOException {
            float[] out = new float[Math.min(d.size, CHUNK_BYTES)];
            int filled = 0;
            byte[] chunk = new byte[CHUNK_BYTES];
            ByteBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
            long expectedBytes = 4L * d.size;
            long readBytes = 0;
            int carry = 0;
            try (InputStream in = zip.getInputStream(d.entry)) {
                while (true) {
                    int n = in.read(chunk, carry, chunk.length - carry);
                    if (n < 0) {
                        break;
                    }
                    readBytes += n;
                    if (readBytes > expectedBytes) {
                        throw mismatch(d, "more than " + expectedBytes);
                    }
                    int available = carry + n;
                    int floats = available / 4;
                    if (filled + floats > out.length) {
                        out = Arrays.copyOf(out, (int) Math.min(d.size, Math.max(2L * out.length, filled + floats)));
                    }
                    view.clear();
                    view.asFloatBuffer().get(out, filled, floats);
                    filled += floats;
                    carry = available - 4 * floats;
                    System.arraycopy(chunk, 4 * floats, chunk, 0, carry);
                }
            }
            if (readBytes != expectedBytes) {
                throw mismatch(d, Long.toString(readBytes));
            }
            return out;
        }

        private ModelFormatException mismatch(Declared d, String held) {
            return fail("the entry " + d.entry.getName() + " of array '" + d.name + "' holds " + held + " bytes, but"
                    + " its shape " + d.shape + " needs " + 4L * d.size + " (4 per float)");
        }

        private ModelFormatException fail(String what) {
            return new ModelFormatException(name + ": " + what);
        }

        private static String abbreviate(String s) {
            return s.length() <= 120 ? s : s.substring(0, 117) + "...";
        }
    }

    private record Declared(String name, Shape shape, ZipEntry entry, int size) {
    }
}
