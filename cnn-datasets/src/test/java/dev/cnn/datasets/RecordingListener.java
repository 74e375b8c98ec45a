package dev.cnn.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Remembers what a load told it. */
final class RecordingListener implements LoadListener {
    final List<String> skipped = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<int[]> progress = new ArrayList<>();
    int finishedImages = -1;
    int finishedSkipped = -1;

    @Override
    public void progress(int done, int total) {
        progress.add(new int[] {done, total});
    }

    @Override
    public void skipped(Path file, String reason) {
        skipped.add(reason);
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
    }

    @Override
    public void finished(int images, int skippedFiles) {
        finishedImages = images;
        finishedSkipped = skippedFiles;
    }

    String allWarnings() {
        return String.join("\n", warnings);
    }
}
