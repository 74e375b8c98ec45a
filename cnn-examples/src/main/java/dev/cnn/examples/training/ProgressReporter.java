package dev.cnn.examples.training;

import dev.cnn.api.train.BatchReport;
import dev.cnn.api.train.EpochReport;
import dev.cnn.api.train.TrainingControl;
import dev.cnn.api.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows progress within each epoch: epoch, batch, loss, accuracy, images per second and the time left in the run.
 * On a terminal it is a bar redrawn in place; otherwise a plain line at every tenth of an epoch.
 */
public final class ProgressReporter implements TrainingListener {
    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean redrawInPlace;
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
    public void onBatchEnd(BatchReport r, TrainingControl control) {
        if (redrawInPlace) {
            long now = System.nanoTime();
            if (r.batch() != r.batches() && now - lastRedraw < REDRAW_NANOS) {
                return;
            }
            lastRedraw = now;
            String line = describe(r);
            String padding = " ".repeat(Math.max(0, lastLineLength - line.length()));
            out.print("\r" + line + padding);
            lastLineLength = line.length();
            out.flush();
        } else if (r.batch() == r.batches() || r.batch() * 10 / r.batches() != (r.batch() - 1) * 10 / r.batches()) {
            out.println(describe(r));
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

    private String describe(BatchReport r) {
        int epoch = r.epoch();
        int total = Math.max(totalEpochs, r.epochs());
        double secondsPerEpoch = r.seconds() / r.batch() * r.batches();
        double secondsLeft = r.secondsLeftInEpoch() + (r.epochs() - r.epoch()) * secondsPerEpoch;
        String position = redrawInPlace ? bar(r.batch(), r.batches()) + " " : "";
        return String.format(Locale.ROOT, "epoch %d/%d %sbatch %d/%d  loss %.4f  accuracy %.2f%%  %,.0f images/s  ETA %s",
                epoch, total, position, r.batch(), r.batches(), r.loss(), r.accuracy() * 100, r.imagesPerSecond(),
                clock(secondsLeft));
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
