package dev.cnn.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Keeps two runs from writing one model file: an operating-system lock ({@link FileChannel#tryLock()}) on the sibling
 * {@code FILE.lock}, held for the whole run, so a second run refuses at once instead of both overwriting each other's
 * checkpoints. The operating system drops the lock with the process however it ends (Ctrl-C, an error, kill -9), so
 * a lock file left behind never blocks the next run; a run that ends in this JVM deletes it. The file holds the
 * holder's process id, for the message of the run it stops.
 */
final class OutputLock implements AutoCloseable {
    private static final int ATTEMPTS = 5;

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    /** Deletes the lock file when the JVM is stopped (Ctrl-C) before {@link #close()}; the lock dies with it anyway. */
    private final Thread cleanup;

    private OutputLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
        this.cleanup = new Thread(this::deleteFile, "cnn-output-lock");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** The lock file of {@code output}: {@code runs/a.cnn} gives {@code runs/a.cnn.lock}. */
    static Path lockFileOf(Path output) {
        return output.resolveSibling(output.getFileName() + ".lock");
    }

    /**
     * Locks {@code output} for this run, creating its directory if needed.
     *
     * @param option the option that chooses the output, named in the message when another run holds it
     * @throws CliFailure when another run holds the lock, or the lock file cannot be made
     */
    static OutputLock acquire(Path output, String option) {
        Path lockFile = lockFileOf(output);
        String token = "process " + ProcessHandle.current().pid() + " " + UUID.randomUUID();
        try {
            Path dir = lockFile.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                OutputLock taken = take(output, option, lockFile, channel, token);
                if (taken != null) {
                    return taken;
                }
            }
            throw new CliFailure("cannot lock " + output + ": " + lockFile + " was replaced " + ATTEMPTS + " times while"
                    + " taking it; another run is starting on the same output, so wait for it, or give this run another "
                    + option);
        } catch (IOException e) {
            throw new CliFailure("cannot lock " + output + " against other runs (" + FailureHandler.describe(e)
                    + "); give this run another " + option + ", in a directory you can write to", e);
        }
    }

    /**
     * Locks {@code lockFile} through {@code channel}: the lock, or null when the file at the path was replaced meanwhile
     * (the run before deleted it between our open and our lock, leaving us a lock no other run can see); closes the
     * channel unless it returns the lock.
     */
    private static OutputLock take(Path output, String option, Path lockFile, FileChannel channel, String token)
            throws IOException {
        boolean keep = false;
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new CliFailure(output + " is being written by another run (" + holder(lockFile) + " holds "
                        + lockFile + "); wait for that run to finish, or give this one another " + option);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            keep = token.equals(firstLine(lockFile));
            if (!keep) {
                lock.release();
                return null;
            }
            return new OutputLock(lockFile, channel, lock);
        } finally {
            if (!keep) {
                channel.close();
            }
        }
    }

    /** Locks every one of {@code outputs} (each once), releasing those already taken when one is held by another run. */
    static Group acquireAll(Collection<Path> outputs, String option) {
        List<OutputLock> held = new ArrayList<>();
        try {
            for (Path output : new LinkedHashSet<>(outputs)) {
                held.add(acquire(output, option));
            }
        } catch (RuntimeException e) {
            new Group(held).close();
            throw e;
        }
        return new Group(held);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    /** Who holds the lock, as its file says: {@code process 1234}. */
    private static String holder(Path lockFile) {
        String line = firstLine(lockFile);
        String[] words = line == null ? new String[0] : line.split(" ");
        return words.length >= 2 && words[0].equals("process") && words[1].matches("[0-9]{1,19}")
                ? "process " + words[1] : "a process";
    }

    private static String firstLine(Path file) {
        try {
            byte[] bytes = new byte[200];
            int n;
            try (var in = Files.newInputStream(file)) {
                n = in.readNBytes(bytes, 0, bytes.length);
            }
            String text = new String(bytes, 0, n, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline);
        } catch (IOException e) {
            return null;
        }
    }

    /** Deletes the lock file and releases the lock. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or has run
        }
        deleteFile();
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock too; the process's end does in any case
        }
    }

    private void deleteFile() {
        try {
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            // a lock file left behind blocks no one: the lock is the operating system's, not the file's existence
        }
    }

    /** Several outputs locked together, released together. */
    static final class Group implements AutoCloseable {
        private final List<OutputLock> locks;

        private Group(List<OutputLock> locks) {
            this.locks = locks;
        }

        @Override
        public void close() {
            for (int i = locks.size() - 1; i >= 0; i--) {
                locks.get(i).close();
            }
        }
    }
}
