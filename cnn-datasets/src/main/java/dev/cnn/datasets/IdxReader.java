package dev.cnn.datasets;

import dev.cnn.api.data.Dataset;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes (the MNIST format), raw or gzip-compressed; gzip is recognised by its
 * magic bytes, not by the file name. Every malformed file fails with an {@link IdxFormatException} that names
 * the file and the problem.
 */
public final class IdxReader {
    /** The magic number of an image file: unsigned bytes, three dimensions (count, rows, columns). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** The magic number of a label file: unsigned bytes, one dimension (count). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int UNSIGNED_BYTE_TYPE = 0x08;
    private static final long MAX_DATA_BYTES = Integer.MAX_VALUE - 8;

    private IdxReader() {
    }

    /** Reads an image file (magic {@code 0x00000803}). */
    public static IdxImages readImages(Path file) throws IOException {
        int[] dims = new int[3];
        byte[] pixels = read(file, 3, dims);
        return new IdxImages(dims[0], dims[1], dims[2], pixels);
    }

    /** Reads a label file (magic {@code 0x00000801}): one label 0..255 per item. */
    public static int[] readLabels(Path file) throws IOException {
        byte[] raw = read(file, 1, new int[1]);
        int[] labels = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            labels[i] = raw[i] & 0xFF;
        }
        return labels;
    }

    /**
     * Reads an image file and its label file into a dataset with features scaled to [0, 1] and sample shape
     * {@code [1, rows, columns]}.
     *
     * @throws IdxFormatException when the counts differ or a label has no class name
     */
    public static Dataset readDataset(Path imagesFile, Path labelsFile, List<String> classNames) throws IOException {
        IdxImages images = readImages(imagesFile);
        int[] labels = readLabels(labelsFile);
        if (labels.length != images.count()) {
            throw new IdxFormatException(labelsFile.getFileName() + " holds " + labels.length + " labels but "
                    + imagesFile.getFileName() + " holds " + images.count() + " images");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classNames.size()) {
                throw new IdxFormatException(labelsFile.getFileName() + ": label " + labels[i] + " of item " + i
                        + " is outside the " + classNames.size() + " classes");
            }
        }
        return new Dataset(images.sampleShape(), images.toUnitFloats(), labels, classNames);
    }

    private static byte[] read(Path file, int expectedDims, int[] dims) throws IOException {
        String name = String.valueOf(file.getFileName());
        if (!Files.isRegularFile(file)) {
            throw new IdxFormatException(file + " is not a regular file (a directory, device or pipe); give an IDX file");
        }
        try {
            return readChecked(file, name, expectedDims, dims);
        } catch (EOFException | ZipException e) {
            throw new IdxFormatException(file + ": the compressed data ends early or is damaged (" + e.getMessage()
                    + "); install or download the file again");
        }
    }

    private static byte[] readChecked(Path file, String name, int expectedDims, int[] dims) throws IOException {
        boolean gzip = MaybeGzip.isGzip(file);
        try (InputStream in = MaybeGzip.open(file)) {
            byte[] header = in.readNBytes(4 + 4 * expectedDims);
            if (header.length < 4) {
                throw new IdxFormatException(name + ": " + header.length + " bytes is too short for an IDX header");
            }
            ByteBuffer buffer = ByteBuffer.wrap(header);
            checkMagic(name, buffer.getInt(), expectedDims);
            if (header.length < 4 + 4 * expectedDims) {
                throw new IdxFormatException(name + ": header ends after " + header.length + " bytes, needs "
                        + (4 + 4 * expectedDims));
            }
            long itemBytes = 1;
            for (int d = 0; d < expectedDims; d++) {
                dims[d] = buffer.getInt();
                if (dims[d] < 0 || (d > 0 && dims[d] == 0)) {
                    throw new IdxFormatException(name + ": dimension " + d + " is " + dims[d]);
                }
                if (d > 0) {
                    itemBytes *= dims[d];
                }
            }
            long expectedBytes = itemBytes * dims[0];
            if (itemBytes > MAX_DATA_BYTES || expectedBytes > MAX_DATA_BYTES) {
                throw new IdxFormatException(name + ": header declares " + expectedBytes + " bytes of data, more than "
                        + MAX_DATA_BYTES);
            }
            if (!gzip) {
                checkLength(name, dims[0], itemBytes, Files.size(file) - header.length);
            }
            byte[] data;
            if (gzip) {
                // the real length is unknown until decompressed, so the buffer grows with the data actually there
                data = in.readNBytes((int) expectedBytes);
            } else {
                data = new byte[(int) expectedBytes];
                int read = in.readNBytes(data, 0, data.length);
                if (read < data.length) {
                    data = Arrays.copyOf(data, read);
                }
            }
            long held = data.length;
            if (held == expectedBytes) {
                held += in.transferTo(OutputStream.nullOutputStream());
            }
            checkLength(name, dims[0], itemBytes, held);
            return data;
        }
    }

    private static void checkMagic(String name, int magic, int expectedDims) throws IdxFormatException {
        int expectedMagic = expectedDims == 3 ? IMAGES_MAGIC : LABELS_MAGIC;
        String kind = expectedDims == 3 ? "an image" : "a label";
        if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xFF) != UNSIGNED_BYTE_TYPE) {
            throw new IdxFormatException(String.format("%s: magic number 0x%08X is not %s file's 0x%08X"
                    + " (not an IDX file of unsigned bytes)", name, magic, kind, expectedMagic));
        }
        int dims = magic & 0xFF;
        if (dims != expectedDims) {
            throw new IdxFormatException(String.format("%s: magic number 0x%08X declares %d dimensions, %s file"
                    + " needs %d (0x%08X)", name, magic, dims, kind, expectedDims, expectedMagic));
        }
    }

    private static void checkLength(String name, int count, long itemBytes, long dataBytes) throws IdxFormatException {
        if (dataBytes != count * itemBytes) {
            long remainder = dataBytes % itemBytes;
            throw new IdxFormatException(name + ": header says " + count + " items but the file holds "
                    + dataBytes / itemBytes + (remainder == 0 ? "" : " and " + remainder + " stray bytes"));
        }
    }
}
