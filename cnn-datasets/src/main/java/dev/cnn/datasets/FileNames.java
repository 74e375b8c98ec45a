package dev.cnn.datasets;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * File names as the file system holds them: bytes, which Java shows as text in the encoding of the locale it started
 * in ({@code sun.jnu.encoding}). In the C or POSIX locale that is ASCII, so {@code café} shows as {@code caf??}; bytes
 * that are not UTF-8 show as {@code ?} or U+FFFD in any locale. A {@link Path} listed from a directory keeps the bytes
 * and opens the file, but its text does not name it. So names are read here from the bytes, decoded as UTF-8 whatever
 * the locale, and shown in messages with each byte that is not UTF-8 written {@code \xNN}.
 */
final class FileNames {
    private FileNames() {
    }

    /** The bytes of the last name of {@code path}, as the file system holds them. */
    static byte[] rawName(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return new byte[0];
        }
        String text = name.toString();
        if (isAscii(text) && roundTrips(name)) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }
        byte[] full = rawPath(path);
        int start = full.length;
        while (start > 0 && full[start - 1] != '/') {
            start--;
        }
        byte[] out = new byte[full.length - start];
        System.arraycopy(full, start, out, 0, out.length);
        return out;
    }

    /** The last name of {@code path} decoded as UTF-8, or null when its bytes are not UTF-8. */
    static String utf8Name(Path path) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(rawName(path))).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The last name of {@code path} as text: UTF-8, with each byte that is not UTF-8 written {@code \xNN}. */
    static String nameText(Path path) {
        return escaped(rawName(path));
    }

    /**
     * {@code path} for a message: as Java shows it when that text names the file, else the absolute path decoded from
     * its bytes as UTF-8, with each byte that is not UTF-8 written {@code \xNN}.
     */
    static String shown(Path path) {
        return roundTrips(path) ? path.toString() : escaped(rawPath(path));
    }

    /** Whether the text Java shows for {@code path} names the same file. */
    static boolean roundTrips(Path path) {
        try {
            return path.getFileSystem().getPath(path.toString()).equals(path);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The bytes of the absolute path, read from its {@code file:} URI, which escapes every byte that is not ASCII. */
    private static byte[] rawPath(Path path) {
        if (path.getFileSystem() != FileSystems.getDefault()) {
            return path.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8);
        }
        String uri = path.toAbsolutePath().toUri().getRawPath();
        if (uri.length() > 1 && uri.endsWith("/")) {
            uri = uri.substring(0, uri.length() - 1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(uri.length());
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%' && i + 2 < uri.length()) {
                out.write(Integer.parseInt(uri.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static String escaped(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer chars = CharBuffer.allocate(bytes.length);
        StringBuilder text = new StringBuilder();
        while (true) {
            CoderResult result = decoder.decode(in, chars, true);
            chars.flip();
            text.append(chars);
            chars.clear();
            if (result.isError()) {
                for (int k = 0; k < result.length(); k++) {
                    text.append(String.format("\\x%02X", in.get() & 0xFF));
                }
            } else if (result.isUnderflow()) {
                return text.toString();
            }
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
