package dev.cnn.backend.cpu.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Makes damaged and hostile model files out of good ones, as a careless tool or an attacker would. */
final class ModelFileSurgery {
    private ModelFileSurgery() {
    }

    /** A copy of {@code file} at {@code out} whose {@code model.json} is {@code edit} of the original; zip CRCs stay valid. */
    static Path withModelJson(Path file, Path out, UnaryOperator<String> edit) throws IOException {
        try (var in = new ZipFile(file.toFile()); var zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (var entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("model.json")) {
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(bytes);
            }
        }
        return out;
    }

    /** A copy of {@code file} at {@code out} with one bit flipped in the middle of the stored bytes of {@code values}. */
    static Path withFlippedBit(Path file, Path out, float[] values) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] needle = new byte[16];
        java.nio.ByteBuffer.wrap(needle).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values, 0, 4);
        int at = indexOf(bytes, needle);
        if (at < 0) {
            throw new IllegalStateException("the array's bytes are not stored uncompressed in " + file);
        }
        bytes[at + 4L * values.length > bytes.length ? at : at + 2 * values.length] ^= 0x10;
        Files.write(out, bytes);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
