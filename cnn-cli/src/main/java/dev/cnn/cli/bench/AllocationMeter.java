package dev.cnn.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Bytes allocated on the Java heap by every live thread of this JVM (the caller and any worker pools), from
 * {@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes}; threads that ended in between are not counted.
 */
public final class AllocationMeter {
    private AllocationMeter() {
    }

    /** Whether this JVM can count allocated bytes per thread. */
    public static boolean supported() {
        return bean() != null && bean().isThreadAllocatedMemorySupported() && bean().isThreadAllocatedMemoryEnabled();
    }

    /** The bytes allocated so far by all live threads, or -1 when the JVM cannot tell. */
    public static long allocatedBytes() {
        com.sun.management.ThreadMXBean bean = bean();
        if (!supported()) {
            return -1;
        }
        long[] perThread = bean.getThreadAllocatedBytes(bean.getAllThreadIds());
        return Arrays.stream(perThread).filter(b -> b > 0).sum();
    }

    private static com.sun.management.ThreadMXBean bean() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean b ? b : null;
    }
}
