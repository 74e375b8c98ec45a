package dev.cnn.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs an external command; injectable so that installers can be tested without the network. */
@FunctionalInterface
public interface ProcessRunner {
    /**
     * Runs {@code command} in {@code workingDirectory} and waits for it.
     *
     * @return its exit code and its combined standard output and error
     * @throws IOException when the program cannot be started
     */
    ProcessResult run(List<String> command, Path workingDirectory) throws IOException, InterruptedException;

    /**
     * What a finished command did.
     *
     * @param exitCode its exit status, 0 for success
     * @param output   its standard output and error, interleaved
     */
    record ProcessResult(int exitCode, String output) {
    }
}
