package dev.cnn.backend.nd4j;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Frees the off-heap buffers of tensors nobody holds any more by asking for a garbage collection
 * once enough result bytes have been handed out since the last one.
 *
 * <p>ND4J releases an array's native buffer only after the garbage collector finds the array
 * unreachable, and the Java side of a tensor is small, so a training loop can pile up gigabytes of
 * dead native buffers before the heap ever needs collecting (measured: about 7 MB per conv step,
 * unbounded). JavaCPP solves the same problem the same way for its own pointers. The threshold in
 * megabytes is the system property {@value #THRESHOLD_PROPERTY} (default 256); with
 * {@code -XX:+DisableExplicitGC} the trigger has no effect.
 */
final class GarbageTrigger {
    static final String THRESHOLD_PROPERTY = "cnn.nd4j.gcEveryMegabytes";

    private static final long THRESHOLD_BYTES = Long.getLong(THRESHOLD_PROPERTY, 256L) << 20;
    private static final AtomicLong SINCE_LAST_COLLECTION = new AtomicLong();
    private static final AtomicLong TOTAL = new AtomicLong();

    private GarbageTrigger() {
    }

    /** The bytes of result buffers handed out since the JVM started. */
    static long totalAllocated() {
        return TOTAL.get();
    }

    /** Counts {@code bytes} of newly allocated result buffer, collecting when the threshold is passed. */
    static void allocated(long bytes) {
        TOTAL.addAndGet(bytes);
        if (SINCE_LAST_COLLECTION.addAndGet(bytes) >= THRESHOLD_BYTES) {
            SINCE_LAST_COLLECTION.set(0);
            System.gc();
        }
    }
}
