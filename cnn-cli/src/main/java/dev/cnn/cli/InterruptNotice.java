package dev.cnn.cli;

import dev.cnn.cli.training.CheckpointWatcher;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Tells a user who stops training with Ctrl-C (or whose run is terminated) what was kept: the checkpoint after the last
 * finished epoch, and the command that continues the run. Watches the checkpoint to know which epoch that is; closing
 * it after the run withdraws the notice.
 */
final class InterruptNotice implements CheckpointWatcher, AutoCloseable {
    private final PrintWriter err;
    private final Path checkpoint;
    private final Thread hook;
    private volatile String saved;

    private InterruptNotice(PrintWriter err, Path checkpoint) {
        this.err = err;
        this.checkpoint = checkpoint;
        this.hook = new Thread(this::tell, "cnn-interrupt-notice");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts watching a run whose checkpoint is rewritten after every epoch at {@code checkpoint}. */
    static InterruptNotice forCheckpoint(PrintWriter err, Path checkpoint) {
        return new InterruptNotice(err, checkpoint);
    }

    @Override
    public void checkpointHolds(Path file, String progress) {
        saved = progress;
    }

    private void tell() {
        err.println();
        if (saved == null) {
            err.println("interrupted before the first checkpoint; nothing was saved to " + checkpoint);
        } else {
            err.println("interrupted; " + checkpoint + " holds the run " + saved + ": continue it with ./cnn train"
                    + " --resume " + checkpoint + " --dataset ...");
        }
        err.flush();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running or has run: it tells the user
        }
    }
}
