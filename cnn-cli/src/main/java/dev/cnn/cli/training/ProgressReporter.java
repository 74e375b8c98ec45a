package dev.cnn.cli.training;

import dev.cnn.api.train.BatchReport;
import dev.cnn.api.train.EpochReport;
import dev.cnn.api.train.Progress;
import dev.cnn.api.train.ProgressListener;
import dev.cnn.api.train.RunStart;
import dev.cnn.api.train.TrainingControl;
import dev.cnn.api.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows progress within each epoch: epoch, batch, loss, accuracy, images per second and the time left in the run,
 * as the library's {@link ProgressListener} reports them. On a terminal it is a bar redrawn in place; otherwise a plain
 * line at every tenth of an epoch.
 */
public final class ProgressReporter implements TrainingListener {
    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean redrawInPlace;
    private final ProgressListener progress = new ProgressListener(this::show);
    private int totalEpochs;
    private int lastLineLength;
    private long lastRedraw;

    /**
     * @param out           where progress goes (stderr, so that stdout keeps only results)
     * @param redrawInPlace whether {@code out} is a terminal that can redraw a line
     */
    public ProgressReporter(PrintWriter out, boolean redrawInPlace) {
        this.out = out;
        this.redrawInPlace = redrawInPlace;
    }

    /** Sets the epochs of the whole run, which a resumed trainer reports by their numbers in the whole run. */
    void planRun(int totalEpochs) {
        this.totalEpochs = totalEpochs;
    }

    @Override
    public void onRunBegin(RunStart run) {
        progress.onRunBegin(run);
    }

    @Override
    public void onBatchEnd(BatchReport r, TrainingControl control) {
        progress.onBatchEnd(r, control);
    }

    private void show(Progress p) {
        if (redrawInPlace) {
            long now = System.nanoTime();
            if (p.batch() != p.batches() && now - lastRedraw < REDRAW_NANOS) {
                return;
            }
            lastRedraw = now;
            String line = describe(p);
            String padding = " ".repeat(Math.max(0, lastLineLength - line.length()));
            out.print("\r" + line + padding);
            lastLineLength = line.length();
            out.flush();
        } else if (p.batch() == p.batches() || p.batch() * 10 / p.batches() != (p.batch() - 1) * 10 / p.batches()) {
            out.println(describe(p));
            out.flush();
        }
    }

    @Override
    public void onEpochEnd(EpochReport report, TrainingControl control) {
        if (redrawInPlace && lastLineLength > 0) {
            out.print("\r" + " ".repeat(lastLineLength) + "\r");
            out.flush();
            lastLineLength = 0;
        }
    }

    private String describe(Progress p) {
        int total = Math.max(totalEpochs, p.epochs());
        String position = redrawInPlace ? bar(p.batch(), p.batches()) + " " : "";
        return String.format(Locale.ROOT, "epoch %d/%d %sbatch %d/%d  loss %.4f  accuracy %.2f%%  %,.0f images/s  ETA %s",
                p.epoch(), total, position, p.batch(), p.batches(), p.loss(), p.accuracy() * 100, p.imagesPerSecond(),
                clock(p.secondsLeft()));
    }

    private static String bar(int done, int total) {
        int filled = (int) Math.round((double) done / total * BAR_WIDTH);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]";
    }

    private static String clock(double seconds) {
        long s = Double.isFinite(seconds) ? Math.round(Math.max(0, seconds)) : 0;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
