package dev.cnn.api.io;

import static dev.cnn.api.io.ModelArchive.CHUNK_BYTES;
import static dev.cnn.api.io.ModelArchive.FORMAT_VERSION;
import static dev.cnn.api.io.ModelArchive.JSON;
import static dev.cnn.api.io.ModelArchive.MAX_DEFLATE_RATIO;
import static dev.cnn.api.io.ModelArchive.MODEL_ENTRY;
import static dev.cnn.api.io.ModelArchive.OPTIMIZER_INDEX;
import static dev.cnn.api.io.ModelArchive.PARAMETERS_INDEX;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cnn.api.tensor.Shape;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * One model file opened for reading (see {@link ModelArchive#open}). Opening reads and checks {@code model.json} and
 * the indexes of the arrays, whose declared names and shapes are then known ({@link #declaredParameters()},
 * {@link #declaredOptimizerState()}) before any array's values are read or allocated: a caller can refuse a file by what
 * it declares, and reads the values only then ({@link #readParameters()}, {@link #readOptimizerState()}). Every problem
 * is a {@link ModelFormatException}.
 */
public final class ModelArchiveReader implements Closeable {
    private final String name;
    private final ZipFile zip;
    private final long fileSize;
    private final ModelArchiveLimits limits;
    private final Set<String> usedEntries = new HashSet<>();
    private long totalFloats;
    private final String modelJson;
    private final List<Declared> parameters;
    private final List<Declared> optimizerState;

    ModelArchiveReader(String name, ZipFile zip, long fileSize, ModelArchiveLimits limits) throws IOException {
        this.name = name;
        this.zip = zip;
        this.fileSize = fileSize;
        this.limits = limits;
        checkEntries();
        this.modelJson = readText(MODEL_ENTRY, true);
        this.parameters = declareArrays(PARAMETERS_INDEX, true);
        this.optimizerState = declareArrays(OPTIMIZER_INDEX, false);
    }

    /** The model description, as stored. */
    public String modelJson() {
        return modelJson;
    }

    /** The parameters' names and shapes as the index declares them, each checked against the limits and the file's size. */
    public List<DeclaredArray> declaredParameters() {
        return parameters.stream().map(Declared::declared).toList();
    }

    /** The optimizer state's names and shapes as its index declares them; empty when the file holds none. */
    public List<DeclaredArray> declaredOptimizerState() {
        return optimizerState.stream().map(Declared::declared).toList();
    }

    /** Reads the parameters' values, checking each array's size, CRC-32 and SHA-256 digest. */
    public List<NamedArray> readParameters() throws ModelFormatException {
        return readArrays(parameters);
    }

    /** Reads the optimizer state's values, checked as {@link #readParameters()} checks the parameters. */
    public List<NamedArray> readOptimizerState() throws ModelFormatException {
        return readArrays(optimizerState);
    }

    /** Closes the file. */
    @Override
    public void close() throws IOException {
        zip.close();
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
        CRC32 crc = new CRC32();
        try (InputStream in = new CheckedInputStream(zip.getInputStream(entry), crc)) {
            bytes = in.readNBytes(limits.maxJsonBytes() + 1);
        } catch (ZipException e) {
            throw fail("the entry " + entryName + " is damaged (" + e.getMessage() + "); use another copy or retrain");
        }
        if (bytes.length > limits.maxJsonBytes()) {
            throw fail(entryName + " is larger than the " + limits.maxJsonBytes() + " bytes allowed");
        }
        checkCrc(entry, crc);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw fail(entryName + " is not valid UTF-8");
        }
    }

    private List<Declared> declareArrays(String indexEntry, boolean required) throws IOException {
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
        return List.copyOf(declared);
    }

    private List<NamedArray> readArrays(List<Declared> declared) throws ModelFormatException {
        List<NamedArray> arrays = new ArrayList<>();
        for (Declared d : declared) {
            try {
                arrays.add(new NamedArray(d.name, d.shape, readFloats(d)));
            } catch (ModelFormatException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw fail("corrupt model file: " + e.getMessage(), e);
            }
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
        JsonNode digest = item.get("sha256");
        if (digest != null && !(digest.isTextual() && digest.textValue().matches("[0-9a-f]{64}"))) {
            throw fail("array '" + arrayName + "' has sha256 " + abbreviate(digest.toString())
                    + "; it must be 64 lower-case hexadecimal digits");
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
        return new Declared(arrayName, Shape.of(dims), entry, (int) size, digest == null ? null : digest.textValue());
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
        CRC32 crc = new CRC32();
        MessageDigest sha = Sha256Digest.newDigest();
        try (InputStream in = new DigestInputStream(new CheckedInputStream(zip.getInputStream(d.entry), crc), sha)) {
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
        checkCrc(d.entry, crc);
        if (d.sha256 != null && !d.sha256.equals(Sha256Digest.hex(sha))) {
            throw fail("the entry " + d.entry.getName() + " of array '" + d.name + "' does not match its SHA-256"
                    + " digest: the file is damaged (a changed or flipped byte); use another copy or retrain");
        }
        return out;
    }

    private void checkCrc(ZipEntry entry, CRC32 crc) throws ModelFormatException {
        if (entry.getCrc() != -1 && entry.getCrc() != crc.getValue()) {
            throw fail("the entry " + entry.getName() + " fails its CRC-32 check: the file is damaged (a changed or"
                    + " flipped byte); use another copy or retrain");
        }
    }

    private ModelFormatException mismatch(Declared d, String held) {
        return fail("the entry " + d.entry.getName() + " of array '" + d.name + "' holds " + held + " bytes, but"
                + " its shape " + d.shape + " needs " + 4L * d.size + " (4 per float)");
    }

    private ModelFormatException fail(String what) {
        return new ModelFormatException(name + ": " + what);
    }

    private ModelFormatException fail(String what, Throwable cause) {
        return new ModelFormatException(name + ": " + what, cause);
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    private record Declared(String name, Shape shape, ZipEntry entry, int size, String sha256) {
        DeclaredArray declared() {
            return new DeclaredArray(name, shape);
        }
    }
}
