package dev.cnn.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Extracts chosen regular files from a gzip-compressed tar archive (ustar, with pax path records), such as the
 * tarball that {@code npm pack} writes. Only the wanted names are written, flattened into one directory, so an
 * archive cannot write anywhere else.
 */
final class TarGzExtractor {
    private static final int BLOCK = 512;
    private static final int MAX_PAX_BYTES = 1 << 20;

    private TarGzExtractor() {
    }

    /**
     * Writes each entry called {@code prefix + name}, for each name in {@code wanted}, to {@code target/name}.
     *
     * @param maxEntryBytes entries larger than this fail the extraction
     * @return the names that were found and written
     */
    static Set<String> extract(Path archive, String prefix, Set<String> wanted, Path target, long maxEntryBytes)
            throws IOException {
        Set<String> written = new HashSet<>();
        String archiveName = String.valueOf(archive.getFileName());
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16))) {
            String paxPath = null;
            while (true) {
                byte[] header = in.readNBytes(BLOCK);
                if (header.length == 0 || isZero(header)) {
                    return written;
                }
                if (header.length < BLOCK) {
                    throw new IOException(archiveName + ": truncated tar header");
                }
                checkHeaderChecksum(archiveName, header);
                long size = parseSize(archiveName, header);
                char type = (char) header[156];
                String name = paxPath != null ? paxPath : headerName(header);
                paxPath = null;
                if (type == 'x') {
                    if (size > MAX_PAX_BYTES) {
                        throw new IOException(archiveName + ": pax header of " + size + " bytes is too large");
                    }
                    paxPath = paxValue(readExactly(in, (int) size, archiveName), "path");
                } else if ((type == '0' || type == '\0') && isWanted(name, prefix, wanted)) {
                    if (size > maxEntryBytes) {
                        throw new IOException(archiveName + ": " + name + " is " + size + " bytes, more than the "
                                + maxEntryBytes + " allowed");
                    }
                    String base = stripLeadingDot(name).substring(prefix.length());
                    try (OutputStream out = Files.newOutputStream(target.resolve(base))) {
                        copyExactly(in, out, size, archiveName);
                    }
                    written.add(base);
                } else {
                    skipExactly(in, size, archiveName);
                }
                skipExactly(in, (BLOCK - size % BLOCK) % BLOCK, archiveName);
            }
        }
    }

    private static boolean isWanted(String name, String prefix, Set<String> wanted) {
        String n = stripLeadingDot(name);
        return n.startsWith(prefix) && wanted.contains(n.substring(prefix.length()));
    }

    private static String stripLeadingDot(String name) {
        return name.startsWith("./") ? name.substring(2) : name;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String headerName(byte[] header) {
        String name = cString(header, 0, 100);
        boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String cString(byte[] b, int offset, int length) {
        int end = offset;
        while (end < offset + length && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long parseSize(String archiveName, byte[] header) throws IOException {
        if ((header[124] & 0x80) != 0) {
            throw new IOException(archiveName + ": tar entry sizes in base-256 are not supported");
        }
        long size = 0;
        for (int i = 124; i < 136 && header[i] != 0 && header[i] != ' '; i++) {
            int digit = header[i] - '0';
            if (digit < 0 || digit > 7) {
                throw new IOException(archiveName + ": malformed tar entry size");
            }
            size = size * 8 + digit;
        }
        return size;
    }

    private static void checkHeaderChecksum(String archiveName, byte[] header) throws IOException {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : header[i] & 0xFF;
        }
        long stored = 0;
        for (int i = 148; i < 156 && header[i] >= '0' && header[i] <= '7'; i++) {
            stored = stored * 8 + (header[i] - '0');
        }
        if (stored != sum) {
            throw new IOException(archiveName + ": corrupt tar header (checksum " + stored + ", computed " + sum + ")");
        }
    }

    /** The value of {@code key} in pax extended-header records ({@code "<len> key=value\n"}), or null. */
    private static String paxValue(byte[] records, String key) {
        String text = new String(records, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            int eq = line.indexOf('=');
            if (space > 0 && eq > space && line.substring(space + 1, eq).equals(key)) {
                return line.substring(eq + 1);
            }
        }
        return null;
    }

    private static byte[] readExactly(InputStream in, int n, String archiveName) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new IOException(archiveName + ": truncated tar archive");
        }
        return b;
    }

    private static void copyExactly(InputStream in, OutputStream out, long n, String archiveName) throws IOException {
        byte[] chunk = new byte[1 << 16];
        long left = n;
        while (left > 0) {
            int r = in.read(chunk, 0, (int) Math.min(chunk.length, left));
            if (r < 0) {
                throw new IOException(archiveName + ": truncated tar archive");
            }
            out.write(chunk, 0, r);
            left -= r;
        }
    }

    private static void skipExactly(InputStream in, long n, String archiveName) throws IOException {
        copyExactly(in, OutputStream.nullOutputStream(), n, archiveName);
    }
}
