package dev.cnn.backend.cpu.training;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a zip of text entries and of entries of zero bytes, as a hostile tool would: an entry of gigabytes of zeros is
 * a megabyte of zeros deflated once, the block repeated after a full flush (which resets the compressor, so each copy
 * inflates alone), so a file of a few megabytes that really inflates to gigabytes is written in a second, not in the
 * half minute deflating them would take.
 */
final class ZipOfZeros {
    private static final int CHUNK = 1 << 20;
    /** A megabyte of zeros, deflated after a full flush. */
    private static final byte[] BLOCK = deflate(CHUNK, Deflater.FULL_FLUSH);

    private record Entry(String name, byte[] text, long zeros) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a stored entry holding {@code text} in UTF-8. */
    ZipOfZeros text(String name, String text) {
        entries.add(new Entry(name, text.getBytes(StandardCharsets.UTF_8), 0));
        return this;
    }

    /** Adds a deflated entry of {@code bytes} zero bytes, less than 4 GiB. */
    ZipOfZeros zeros(String name, long bytes) {
        entries.add(new Entry(name, null, bytes));
        return this;
    }

    /** Writes the zip to {@code file}. */
    Path write(Path file) throws IOException {
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        long offset = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (Entry entry : entries) {
                byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
                long chunks = entry.zeros() / CHUNK;
                byte[] tail = entry.text() != null ? entry.text() : deflate((int) (entry.zeros() % CHUNK), -1);
                long compressed = chunks * BLOCK.length + tail.length;
                long size = entry.text() != null ? entry.text().length : entry.zeros();
                int method = entry.text() != null ? 0 : 8;
                long crc = crc(entry);
                out.write(little(30).putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) method)
                        .putInt(0x00210000).putInt((int) crc).putInt((int) compressed).putInt((int) size)
                        .putShort((short) name.length).putShort((short) 0).array());
                out.write(name);
                for (long i = 0; i < chunks; i++) {
                    out.write(BLOCK);
                }
                out.write(tail);
                central.write(little(46).putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0)
                        .putShort((short) method).putInt(0x00210000).putInt((int) crc).putInt((int) compressed)
                        .putInt((int) size).putShort((short) name.length).putLong(0).putInt(0).putInt((int) offset).array());
                central.write(name);
                offset += 30 + name.length + compressed;
            }
            central.writeTo(out);
            out.write(little(22).putInt(0x06054b50).putInt(0).putShort((short) entries.size())
                    .putShort((short) entries.size()).putInt(central.size()).putInt((int) offset).putShort((short) 0)
                    .array());
        }
        return file;
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@code bytes} zeros as raw deflate: ending in a full flush, or, for a negative flush, as the stream's last block. */
    private static byte[] deflate(int bytes, int flush) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(new byte[bytes]);
        if (flush < 0) {
            deflater.finish();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (true) {
            int n = deflater.deflate(buffer, 0, buffer.length, flush < 0 ? Deflater.NO_FLUSH : flush);
            out.write(buffer, 0, n);
            if (flush < 0 ? deflater.finished() : n < buffer.length && deflater.needsInput()) {
                break;
            }
        }
        deflater.end();
        return out.toByteArray();
    }

    private static long crc(Entry entry) {
        CRC32 crc = new CRC32();
        if (entry.text() != null) {
            crc.update(entry.text());
            return crc.getValue();
        }
        byte[] chunk = new byte[CHUNK];
        for (long left = entry.zeros(); left > 0; left -= CHUNK) {
            crc.update(chunk, 0, (int) Math.min(CHUNK, left));
        }
        return crc.getValue();
    }
}
