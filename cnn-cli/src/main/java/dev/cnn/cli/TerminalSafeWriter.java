package dev.cnn.cli;

import dev.cnn.api.eval.LabelText;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes text with every control character but newline, carriage return and tab replaced by {@code ?}, so that names
 * from files (class names in a model, folder names of a dataset) cannot move the cursor, recolour or retitle the
 * user's terminal. The command line itself writes no escape sequences. Names are written through
 * {@link LabelText#shown}, which replaces newlines, carriage returns and tabs too, so that a name cannot start a line
 * of its own or overwrite the line it is on.
 */
final class TerminalSafeWriter extends FilterWriter {
    TerminalSafeWriter(Writer out) {
        super(out);
    }

    /**
     * {@code c}, or {@code ?} when it is a control character a terminal would act on ({@link LabelText#isControl}) other
     * than the newline, carriage return and tab the command line writes itself.
     */
    static char safe(char c) {
        return c != '\n' && c != '\r' && c != '\t' && LabelText.isControl(c) ? '?' : c;
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
