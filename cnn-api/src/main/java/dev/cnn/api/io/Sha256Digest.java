package dev.cnn.api.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of an array's bytes as a model file stores them (little-endian float32), in lower-case hex. */
final class Sha256Digest {
    private static final int CHUNK_FLOATS = 1 << 14;

    private Sha256Digest() {
    }

    /** The digest of {@code values} written as the model file writes them. */
    static String ofFloats(float[] values) {
        MessageDigest digest = newDigest();
        ByteBuffer chunk = ByteBuffer.allocate(4 * CHUNK_FLOATS).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < values.length; from += CHUNK_FLOATS) {
            int n = Math.min(CHUNK_FLOATS, values.length - from);
            chunk.clear();
            chunk.asFloatBuffer().put(values, from, n);
            digest.update(chunk.array(), 0, 4 * n);
        }
        return hex(digest);
    }

    /** A fresh SHA-256 digest, to feed bytes as they are read. */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The digest's value in lower-case hex. */
    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
