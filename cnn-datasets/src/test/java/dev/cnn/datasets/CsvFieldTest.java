package dev.cnn.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFieldTest {
    private static final List<String> AWKWARD = List.of("plain", "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)", "\tx",
            "\rx", "a,b", "say \"hi\"", "two\nlines", "'quoted", "'=already", "''-twice", "", "caf\u00e9");

    @Test
    void formulasGetASingleQuoteAndFieldsWithCommasQuotesOrLineBreaksDoubleQuotes() {
        assertEquals("plain", CsvField.written("plain"));
        assertEquals("'=cmd|' /C calc'!A0", CsvField.written("=cmd|' /C calc'!A0"));
        assertEquals("'-1", CsvField.written("-1"));
        assertEquals("'@SUM(A1)", CsvField.written("@SUM(A1)"));
        assertEquals("\"a,b\"", CsvField.written("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvField.written("say \"hi\""));
        assertEquals("\"'\rx\"", CsvField.written("\rx"));
        assertEquals("\"'=a,b\"", CsvField.written("=a,b"));
        assertEquals("''=already", CsvField.written("'=already"));
        assertEquals("'quoted", CsvField.written("'quoted"), "a quote before no formula is kept as it is");
    }

    @Test
    void everyFieldReadsBackAsItWasWritten() throws IOException {
        StringBuilder line = new StringBuilder();
        for (String value : AWKWARD) {
            line.append(line.length() == 0 ? "" : ",").append(CsvField.written(value));
        }
        CsvLineReader reader = new CsvLineReader(new StringReader(line + "\r\nnext,line\n"), "t.csv", 1000, "fix it");
        List<String> fields = reader.fields(reader.nextLine()).stream().map(CsvField::restored).toList();
        assertEquals(AWKWARD, fields);
        assertEquals(3, reader.lineNumber(), "the field with a line break spans two lines");
        assertEquals(List.of("next", "line"), reader.fields(reader.nextLine()));
        assertEquals(null, reader.nextLine());
    }

    @Test
    void aLineOrAQuotedFieldLongerThanTheLimitIsRefusedNamingTheLine() throws IOException {
        CsvLineReader lines = new CsvLineReader(new StringReader("short\r" + "x".repeat(11) + "\n"), "t.csv", 10,
                "fix it");
        assertEquals("short", lines.nextLine());
        IOException e = assertThrows(IOException.class, lines::nextLine);
        assertEquals("t.csv line 2 is longer than the 10 characters a line may have; fix it", e.getMessage());
        CsvLineReader open = new CsvLineReader(new StringReader("\"never closed\n,\n,\n"), "t.csv", 15, "fix it");
        e = assertThrows(IOException.class, () -> open.fields(open.nextLine()));
        assertTrue(e.getMessage().startsWith("t.csv line 1: a field opened with a double quote is not closed within 15"
                + " characters"), e.getMessage());
    }
}
