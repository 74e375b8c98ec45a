package dev.cnn.cli;

import dev.cnn.datasets.LoadListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Shows how reading or generating a dataset goes: a progress bar redrawn in place on a terminal (nothing otherwise),
 * a {@code skipped:} line on stderr for each file that could not be read, {@code warning:} lines, and at the end of a
 * folder a line on stdout with the number of images read and of files skipped.
 */
final class LoadReporter implements LoadListener {
    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean redrawInPlace;
    private final String what;
    private final long started = System.nanoTime();
    private long lastRedraw;
    private int lastLineLength;

    /**
     * @param out           receives the summary line
     * @param err           receives the bar, skipped files and warnings
     * @param redrawInPlace whether {@code err} is a terminal
     * @param what          the dataset, for the lines
     */
    LoadReporter(PrintWriter out, PrintWriter err, boolean redrawInPlace, String what) {
        this.out = out;
        this.err = err;
        this.redrawInPlace = redrawInPlace;
        this.what = what;
    }

    @Override
    public void progress(int done, int total) {
        if (!redrawInPlace) {
            return;
        }
        long now = System.nanoTime();
        if (done != total && now - lastRedraw < REDRAW_NANOS) {
            return;
        }
        lastRedraw = now;
        if (done == total) {
            clear();
            return;
        }
        int filled = (int) Math.round((double) done / total * BAR_WIDTH);
        String verb = dev.cnn.datasets.ShapesSource.isShapes(what) ? "generating" : "reading";
        String line = String.format(Locale.ROOT, "%s %s [%s%s] %,d/%,d images", verb, what, "#".repeat(filled),
                "-".repeat(BAR_WIDTH - filled), done, total);
        err.print("\r" + line + " ".repeat(Math.max(0, lastLineLength - line.length())));
        err.flush();
        lastLineLength = line.length();
    }

    @Override
    public void skipped(Path file, String reason) {
        clear();
        err.println("skipped: " + Messages.oneLine(reason));
        err.flush();
    }

    @Override
    public void warning(String message) {
        clear();
        err.println("warning: " + Messages.oneLine(message));
        err.flush();
    }

    @Override
    public void finished(int images, int skipped) {
        clear();
        out.printf(Locale.ROOT, "read %,d images from %s in %s%s%n", images, what,
                Messages.duration((System.nanoTime() - started) / 1e9),
                skipped == 0 ? "" : String.format(Locale.ROOT, "; skipped %,d file%s that could not be read (named above)",
                        skipped, skipped == 1 ? "" : "s"));
        out.flush();
    }

    private void clear() {
        if (lastLineLength > 0) {
            err.print("\r" + " ".repeat(lastLineLength) + "\r");
            err.flush();
            lastLineLength = 0;
        }
    }
}
