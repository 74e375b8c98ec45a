package dev.cnn.api.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes and reads model files: one zip holding
 * <ul>
 *   <li>{@code model.json}: the caller's model description, stored as given (UTF-8);</li>
 *   <li>{@code parameters.json}: the index {@code {"format":1,"arrays":[{"name","shape","entry","sha256"}, ...]}};</li>
 *   <li>{@code parameters/<i>.f32}: one entry per parameter, its values as little-endian float32, row-major;</li>
 *   <li>{@code optimizer/state.json} and {@code optimizer/<i>.f32}: the same for optimizer state, present only
 *   when there is some.</li>
 * </ul>
 * Writing goes to a temporary file in the target's directory, which is then renamed over the target, so a crash
 * never leaves half a file; a temporary file whose save was interrupted by the JVM's shutdown (Ctrl-C) is deleted. Reading verifies the zip CRC-32 of every entry and the SHA-256 of every array's bytes
 * (files written before the digest was added have none, and are checked by their CRC alone), so a damaged file is
 * refused with the name of the damaged entry. Reading trusts nothing in the file: every failure is a {@link ModelFormatException}
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
    static final long MAX_DEFLATE_RATIO = 1032;
    static final int CHUNK_BYTES = 1 << 16;
    static final ObjectMapper JSON = new ObjectMapper();

    private ModelArchive() {
    }

    /** Writes {@code contents} to {@code file} atomically, replacing any file there. */
    public static void write(Path file, ModelArchiveContents contents) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        temp.toFile().deleteOnExit();
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
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("cannot write the model file " + target + ": " + e.getMessage()
                    + (Files.exists(target) ? "; the file there before is unchanged" : ""), e);
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
        try (ModelArchiveReader reader = open(file, limits)) {
            return new ModelArchiveContents(reader.modelJson(), reader.readParameters(), reader.readOptimizerState());
        }
    }

    /**
     * Opens a model file and reads what it declares (its {@code model.json} and the names and shapes of its arrays),
     * each checked against {@code limits} and the file's size, but none of the arrays' values: those are read by the
     * reader's {@code read} methods, once the caller has checked the declarations.
     *
     * @throws NoSuchFileException  when there is no such file
     * @throws ModelFormatException for anything wrong with what it declares
     */
    public static ModelArchiveReader open(Path file, ModelArchiveLimits limits) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no model file here");
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file + ": not a regular file (a directory, device or pipe); give the path of"
                    + " a model file written by Model.save");
        }
        String name = String.valueOf(file.getFileName());
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelFormatException(name + ": not a model file (not a zip archive, or truncated): "
                    + e.getMessage(), e);
        }
        try {
            return new ModelArchiveReader(name, zip, Files.size(file), limits);
        } catch (IOException | RuntimeException e) {
            zip.close();
            if (e instanceof ModelFormatException format) {
                throw format;
            }
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
            item.put("sha256", Sha256Digest.ofFloats(a.data()));
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

}
