package dev.cnn.api.train;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hands a {@link Progress} to a callback after every batch: the epoch and batch, loss, accuracy, images per second and
 * the time left in the run, estimated from the pace of the batches this run has trained (a resumed run does not count
 * the time before it was stopped). The command line draws its progress bar from it; a notebook or a service can
 * report it its own way.
 */
public final class ProgressListener implements TrainingListener {
    private final Consumer<Progress> callback;
    private RunStart run;
    private long startNanos;

    /** @param callback receives each batch's progress */
    public ProgressListener(Consumer<Progress> callback) {
        this.callback = Objects.requireNonNull(callback, "callback");
    }

    @Override
    public void onRunBegin(RunStart start) {
        this.run = start;
        this.startNanos = System.nanoTime();
    }

    @Override
    public void onBatchEnd(BatchReport r, TrainingControl control) {
        long stepsNow = (long) (r.epoch() - 1) * r.batches() + r.batch();
        long stepsAtStart = run == null ? 0 : run.stepsDone();
        long stepsTrained = stepsNow - stepsAtStart;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double secondsLeft = run == null || stepsTrained <= 0 ? Double.NaN
                : seconds / stepsTrained * ((long) r.epochs() * r.batches() - stepsNow);
        callback.accept(new Progress(r.epoch(), r.epochs(), r.batch(), r.batches(), r.loss(), r.accuracy(),
                r.imagesPerSecond(), secondsLeft));
    }
}
