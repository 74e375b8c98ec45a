package dev.cnn.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a file that may be gzip-compressed, recognised by the gzip magic bytes rather than by its name. */
final class MaybeGzip {
    private static final int BUFFER = 1 << 16;

    private MaybeGzip() {
    }

    /** Whether the file starts with the gzip magic bytes 1f 8b. */
    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && (head[0] & 0xFF) == 0x1f && (head[1] & 0xFF) == 0x8b;
        }
    }

    /** The file's content, decompressed when it is gzip. */
    static InputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return isGzip(file) ? new GZIPInputStream(raw, BUFFER) : new BufferedInputStream(raw, BUFFER);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
