package dev.cnn.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads Linux's {@code /proc} files, which other systems lack: every answer may be empty. */
final class ProcFiles {
    private ProcFiles() {
    }

    /** The lines of {@code file}, or empty when it cannot be read. */
    static Optional<List<String>> lines(String file) {
        try {
            return Optional.of(Files.readAllLines(Path.of(file)));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The first three fields of {@code /proc/loadavg}: the load averages over 1, 5 and 15 minutes. */
    static Optional<String> loadAverage() {
        return lines("/proc/loadavg").filter(l -> !l.isEmpty()).map(l -> l.get(0).trim().split("\\s+"))
                .filter(fields -> fields.length >= 3).map(fields -> fields[0] + " " + fields[1] + " " + fields[2]);
    }

    /** The resident memory of this process in bytes, from the {@code VmRSS} line of {@code /proc/self/status}. */
    static Optional<Long> residentBytes() {
        return lines("/proc/self/status").flatMap(lines -> lines.stream().filter(l -> l.startsWith("VmRSS:")).findFirst())
                .flatMap(ProcFiles::kilobytes);
    }

    private static Optional<Long> kilobytes(String line) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 3 || !fields[2].equalsIgnoreCase("kB")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(fields[1]) * 1024);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
