package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LoadReporterTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aTerminalSeesABarThatClearsBeforeOtherLines() {
        LoadReporter r = new LoadReporter(new PrintWriter(out), new PrintWriter(err), true, "photos");
        r.progress(1, 4);
        String bar = "reading photos [######------------------] 1/4 images";
        assertEquals("\r" + bar, err.toString());
        r.skipped(Path.of("photos/cat/x.png"), "photos/cat/x.png: cannot decode\nthe image");
        assertEquals("\r" + bar + "\r" + " ".repeat(bar.length()) + "\rskipped: photos/cat/x.png: cannot decode the image\n",
                err.toString());
        r.finished(3, 1);
        assertTrue(out.toString().matches("read 3 images from photos in \\d+\\.\\d s; skipped 1 file that could not be"
                + " read \\(named above\\)\\n"), out.toString());
    }

    @Test
    void elsewhereOnlyTheLinesAppear() {
        LoadReporter r = new LoadReporter(new PrintWriter(out), new PrintWriter(err), false, "shapes:10:10");
        r.progress(1, 2);
        r.progress(2, 2);
        r.warning("a/b holds no images");
        assertEquals("warning: a/b holds no images\n", err.toString());
        r.finished(2, 0);
        assertTrue(out.toString().startsWith("read 2 images from shapes:10:10 in "), out.toString());
        assertTrue(!out.toString().contains("skipped"), out.toString());
    }
}
