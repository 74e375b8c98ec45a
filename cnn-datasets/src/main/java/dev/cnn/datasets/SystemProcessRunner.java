package dev.cnn.datasets;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs commands with {@link ProcessBuilder}: standard input empty, output and error captured together, a time limit. */
public final class SystemProcessRunner implements ProcessRunner {
    private static final int MAX_OUTPUT_BYTES = 64 * 1024;
    private final Duration timeout;

    /** @param timeout how long a command may run before it is killed */
    public SystemProcessRunner(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public ProcessResult run(List<String> command, Path workingDirectory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> keepTail(process.getInputStream(), output), "process-output");
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
        }
        reader.join(5_000);
        synchronized (output) {
            return new ProcessResult(process.exitValue(), output.toString(StandardCharsets.UTF_8));
        }
    }

    /** Copies the stream into {@code sink}, keeping only the last {@link #MAX_OUTPUT_BYTES} bytes. */
    private static void keepTail(InputStream in, ByteArrayOutputStream sink) {
        byte[] chunk = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                synchronized (sink) {
                    sink.write(chunk, 0, n);
                    if (sink.size() > MAX_OUTPUT_BYTES) {
                        byte[] all = sink.toByteArray();
                        sink.reset();
                        sink.write(all, all.length - MAX_OUTPUT_BYTES / 2, MAX_OUTPUT_BYTES / 2);
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended or was killed; what was read so far is kept
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
