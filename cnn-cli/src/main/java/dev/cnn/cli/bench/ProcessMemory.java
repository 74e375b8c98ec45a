package dev.cnn.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.Optional;

/**
 * The memory of this process at one moment. Native memory (ND4J's buffers, thread stacks, the JIT's code) has no
 * direct measure here, so it is estimated as resident memory minus the heap the JVM has committed.
 *
 * @param residentBytes      resident memory of the whole process ({@code VmRSS}); empty where it cannot be read
 * @param heapUsedBytes      heap in use, live objects and garbage not yet collected
 * @param heapCommittedBytes heap the JVM has reserved from the system
 */
public record ProcessMemory(Optional<Long> residentBytes, long heapUsedBytes, long heapCommittedBytes) {

    /** The memory now. */
    public static ProcessMemory now() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new ProcessMemory(ProcFiles.residentBytes(), heap.getUsed(), heap.getCommitted());
    }

    /**
     * Resident memory minus committed heap: roughly the memory outside the heap. Committed heap that was never
     * touched is not resident, so early on this can come out too low, even below zero; its trend is what tells.
     */
    public Optional<Long> residentMinusHeapCommittedBytes() {
        return residentBytes.map(rss -> rss - heapCommittedBytes);
    }

    /** The column titles of {@link #columns()}. */
    public static String header() {
        return String.format(Locale.ROOT, "%9s  %9s  %14s  %20s", "RSS", "heap used", "heap committed",
                "RSS - heap committed");
    }

    /** RSS, heap used, heap committed and RSS minus heap committed, in megabytes, aligned under {@link #header()}. */
    public String columns() {
        return String.format(Locale.ROOT, "%9s  %9s  %14s  %20s", megabytes(residentBytes),
                megabytes(Optional.of(heapUsedBytes)), megabytes(Optional.of(heapCommittedBytes)),
                megabytes(residentMinusHeapCommittedBytes()));
    }

    private static String megabytes(Optional<Long> bytes) {
        return bytes.map(b -> String.format(Locale.ROOT, "%,d MB", Math.round(b / 1048576.0))).orElse("n/a");
    }
}
