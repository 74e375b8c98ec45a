package dev.cnn.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes text with every control character but newline, carriage return and tab replaced by {@code ?}, so that names
 * from files (class names in a model, folder names of a dataset) cannot move the cursor, recolour or retitle the
 * user's terminal. The command line itself writes no escape sequences.
 */
final class TerminalSafeWriter extends FilterWriter {
    TerminalSafeWriter(Writer out) {
        super(out);
    }

    /** {@code c}, or {@code ?} when it is a control character a terminal would act on. */
    static char safe(char c) {
        boolean c0 = c < 0x20 && c != '\n' && c != '\r' && c != '\t';
        boolean c1 = c >= 0x7f && c <= 0x9f;
        boolean bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
        return c0 || c1 || bidi ? '?' : c;
    }

    @Override
    public void write(int c) throws IOException {
        out.write(safe((char) c));
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        char[] copy = new char[length];
        for (int i = 0; i < length; i++) {
            copy[i] = safe(chars[offset + i]);
        }
        out.write(copy, 0, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        write(text.toCharArray(), offset, length);
    }
}
