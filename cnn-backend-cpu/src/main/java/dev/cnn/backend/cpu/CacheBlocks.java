package dev.cnn.backend.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Block sizes that keep a freshly packed block of a lowered convolution in the core's L2 cache until the
 * micro-kernel reads it, so that large images do not stream their packed panels through L3 or memory.
 * The L2 size is read once at start from Linux's {@code /sys/devices/system/cpu/cpu0/cache} (the per-core,
 * unified level-2 entry), or from the {@code cnn.cpu.l2Bytes} system property, else taken as 256 KiB (the
 * smallest L2 of current x86 cores). A block takes half of it, leaving room for the other operand and the
 * output. Blocks only change which columns or rows are packed together, never the order in which any
 * element is summed, so results are the same bits whatever the cache size.
 */
final class CacheBlocks {
    private static final int DEFAULT_L2_BYTES = 256 * 1024;
    /** Bytes of L2 per core. */
    static final int L2_BYTES = detectL2();
    /** Floats one packed block may take by default: half of L2. */
    static final int DEFAULT_BLOCK_FLOATS = Math.max(1 << 12, L2_BYTES / 2 / Float.BYTES);
    /** Floats one packed block may take; tests set it to check that blocking leaves the bits alone. */
    static volatile int blockFloats = DEFAULT_BLOCK_FLOATS;

    private CacheBlocks() {
    }

    /**
     * How many of {@code total} columns (or rows) of {@code floatsEach} floats each go into one block: a multiple of
     * {@code multiple} (at least one multiple), with the blocks as even as the multiple allows.
     */
    static int span(int total, int floatsEach, int multiple) {
        int fit = Math.max(multiple, blockFloats / Math.max(1, floatsEach) / multiple * multiple);
        if (fit >= total) {
            return Packing.roundUp(Math.max(1, total), multiple);
        }
        int blocks = (total + fit - 1) / fit;
        return Packing.roundUp((total + blocks - 1) / blocks, multiple);
    }

    private static int detectL2() {
        String property = System.getProperty("cnn.cpu.l2Bytes");
        if (property != null) {
            try {
                return Math.max(1 << 14, Integer.parseInt(property.trim()));
            } catch (NumberFormatException e) {
                return DEFAULT_L2_BYTES;
            }
        }
        try {
            for (int index = 0; index < 8; index++) {
                Path dir = Path.of("/sys/devices/system/cpu/cpu0/cache/index" + index);
                if (!Files.isDirectory(dir)) {
                    break;
                }
                if (read(dir, "level").equals("2") && !read(dir, "type").equals("Instruction")) {
                    return Math.max(1 << 14, parseSize(read(dir, "size")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return DEFAULT_L2_BYTES;
        }
        return DEFAULT_L2_BYTES;
    }

    private static String read(Path dir, String name) throws IOException {
        return Files.readString(dir.resolve(name)).trim();
    }

    /** {@code 1024K}, {@code 2M} or a plain byte count. */
    static int parseSize(String size) {
        String s = size.trim().toUpperCase(java.util.Locale.ROOT);
        int scale = 1;
        if (s.endsWith("K")) {
            scale = 1024;
        } else if (s.endsWith("M")) {
            scale = 1024 * 1024;
        }
        String digits = scale == 1 ? s : s.substring(0, s.length() - 1);
        return (int) Math.min(Integer.MAX_VALUE, Long.parseLong(digits) * scale);
    }
}
