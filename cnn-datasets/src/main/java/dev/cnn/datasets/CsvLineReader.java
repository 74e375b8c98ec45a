package dev.cnn.datasets;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file a line at a time, never holding more than a bounded number of characters: a line longer than that,
 * or a quoted field running on past it, is refused naming the file and the line, so that a file of gigabytes without a
 * line break cannot exhaust the memory. Lines end at {@code \n}, {@code \r\n} or {@code \r}. A line is split into
 * fields as RFC 4180 says: at commas, except inside double quotes, where a doubled quote is one quote and a line break
 * belongs to the field (the next lines are then read as part of the same record).
 */
final class CsvLineReader {
    private final Reader in;
    private final String file;
    private final int maxChars;
    private final String advice;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int lineNumber;
    private String lineBreak = "";

    /**
     * @param in       the text
     * @param file     the file it comes from, for messages
     * @param maxChars the most characters of one line, and of one record
     * @param advice   what to do about a line that is too long, for messages
     */
    CsvLineReader(Reader in, String file, int maxChars, String advice) {
        this.in = in;
        this.file = file;
        this.maxChars = maxChars;
        this.advice = advice;
    }

    /** The number of the last line read, from 1. */
    int lineNumber() {
        return lineNumber;
    }

    /**
     * The next line without its line break; null at the end of the file.
     *
     * @throws IOException naming the file and the line when the line is longer than the limit
     */
    String nextLine() throws IOException {
        StringBuilder line = new StringBuilder();
        lineBreak = "";
        while (true) {
            int c = read();
            if (c < 0) {
                if (line.length() == 0) {
                    return null;
                }
                break;
            }
            if (c == '\n') {
                lineBreak = "\n";
                break;
            }
            if (c == '\r') {
                lineBreak = "\r";
                if (read() == '\n') {
                    lineBreak = "\r\n";
                } else if (limit > 0) {
                    position--;
                }
                break;
            }
            if (line.length() == maxChars) {
                throw new IOException(file + " line " + (lineNumber + 1) + " is longer than the " + maxChars
                        + " characters a line may have; " + advice);
            }
            line.append((char) c);
        }
        lineNumber++;
        return line.toString();
    }

    /**
     * The fields of the record that starts with {@code line}, reading the lines after it while a quoted field is open.
     *
     * @throws IOException naming the file and the line where the record starts when a quoted field is not closed
     *                     within the limit or before the end of the file
     */
    List<String> fields(String line) throws IOException {
        int start = lineNumber;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String text = line;
        int length = text.length();
        int i = 0;
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            if (i == text.length()) {
                if (!quoted) {
                    fields.add(field.toString());
                    return fields;
                }
                String brokenBy = lineBreak;
                String next = nextLine();
                length += next == null ? 0 : next.length() + brokenBy.length();
                if (next == null || length > maxChars) {
                    throw new IOException(file + " line " + start + ": a field opened with a double quote is not closed"
                            + (next == null ? " before the end of the file" : " within " + maxChars + " characters")
                            + "; close it with a double quote (and write a quote inside it as two)");
                }
                field.append(brokenBy);
                text = next;
                i = 0;
                continue;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i < text.length() && text.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                continue;
            } else if (c == '"' && fieldStart) {
                quoted = true;
            } else {
                field.append(c);
            }
            fieldStart = false;
        }
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = Math.max(0, in.read(buffer, 0, buffer.length));
            position = 0;
            if (limit == 0) {
                return -1;
            }
        }
        return buffer[position++];
    }
}
