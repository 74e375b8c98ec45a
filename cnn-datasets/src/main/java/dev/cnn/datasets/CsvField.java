package dev.cnn.datasets;

/**
 * One field of a CSV file as this library writes it (RFC 4180) and reads it back, safe to open in a spreadsheet. A
 * field holding a comma, a double quote, a carriage return or a line feed is written in double quotes, with each double
 * quote doubled. A field that a spreadsheet would take for a formula, one starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return (such as {@code =cmd|' /C calc'!A0}), is written with a single quote before it,
 * as OWASP advises against CSV injection; reading takes that quote off again. So that this is undone exactly, a field
 * that starts with single quotes before one of those characters gets one more, and reading takes one off.
 */
final class CsvField {
    private CsvField() {
    }

    /** {@code value} as a field of a CSV line. */
    static String written(String value) {
        String safe = startsFormula(value) ? "'" + value : value;
        boolean quoted = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0
                || safe.indexOf('\n') >= 0;
        return quoted ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    /** The value of a field read from a CSV line (its double quotes already taken off): the single quote taken off. */
    static String restored(String field) {
        return field.startsWith("'") && startsFormula(field) ? field.substring(1) : field;
    }

    /** Whether {@code value}, past any single quotes, starts with a character a spreadsheet reads as a formula. */
    private static boolean startsFormula(String value) {
        int i = 0;
        while (i < value.length() && value.charAt(i) == '\'') {
            i++;
        }
        return i < value.length() && "=+-@\t\r".indexOf(value.charAt(i)) >= 0;
    }
}
