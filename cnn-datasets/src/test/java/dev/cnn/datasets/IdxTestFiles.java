package dev.cnn.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests. */
final class IdxTestFiles {
    private IdxTestFiles() {
    }

    /** An IDX file: the magic, the dims, then the data bytes as given (which may disagree with the dims). */
    static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    /** {@code count} images of {@code rows x cols} whose pixel i of image n is {@code (n * 7 + i) % 256}. */
    static byte[] images(int count, int rows, int cols) {
        byte[] data = new byte[count * rows * cols];
        for (int n = 0; n < count; n++) {
            for (int i = 0; i < rows * cols; i++) {
                data[n * rows * cols + i] = (byte) ((n * 7 + i) % 256);
            }
        }
        return idx(IdxReader.IMAGES_MAGIC, new int[] {count, rows, cols}, data);
    }

    static byte[] labels(int... labels) {
        byte[] data = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            data[i] = (byte) labels[i];
        }
        return idx(IdxReader.LABELS_MAGIC, new int[] {labels.length}, data);
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    /** Writes a complete four-file dataset (3 train and 2 test images of 4x5) into {@code dir}. */
    static void writeDataset(Path dir, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        write(dir, IdxFileSet.TRAIN_IMAGES, images(8, 4, 5), gzip);
        write(dir, IdxFileSet.TRAIN_LABELS, labels(5, 0, 4, 1, 2, 3, 6, 7), gzip);
        write(dir, IdxFileSet.TEST_IMAGES, images(2, 4, 5), gzip);
        write(dir, IdxFileSet.TEST_LABELS, labels(7, 2), gzip);
    }

    private static void write(Path dir, String base, byte[] raw, boolean gzip) throws IOException {
        if (gzip) {
            Files.write(dir.resolve(base + ".gz"), gzip(raw));
        } else {
            Files.write(dir.resolve(base), raw);
        }
    }
}
