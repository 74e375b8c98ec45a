package dev.cnn.datasets;

/**
 * A budget of heap bytes shared by the threads that decode images, so that how many images are decoded at once is
 * bounded by memory, not by the number of threads: each decode first reserves the bytes its image needs (from the
 * header's width x height), waiting while the others hold too much, and gives them back when done. A reservation
 * larger than the whole budget waits until nothing else is reserved and then runs alone. A decode that runs out of
 * memory anyway can wait to run {@linkplain #reserveAll() alone}; while one waits so, no new reservation starts, so it
 * is not starved. All arithmetic is in {@code long} bytes.
 */
final class DecodeMemory {
    /** The part of the free heap a budget takes, so the samples read and other threads keep some. */
    private static final double SHARE_OF_FREE_HEAP = 0.75;

    private final long capacity;
    private long available;
    private int waitingForAll;

    /** A budget of {@code capacity} bytes, at least 1. */
    DecodeMemory(long capacity) {
        this.capacity = Math.max(1, capacity);
        this.available = this.capacity;
    }

    /** A budget of three quarters of the heap that is free now (the maximum heap less what is in use). */
    static DecodeMemory ofFreeHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        return new DecodeMemory((long) ((runtime.maxMemory() - used) * SHARE_OF_FREE_HEAP));
    }

    /** The budget, in bytes. */
    long capacity() {
        return capacity;
    }

    /** Bytes reserved; closing gives them back. */
    final class Lease implements AutoCloseable {
        private long bytes;

        private Lease(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public void close() {
            synchronized (DecodeMemory.this) {
                available += bytes;
                bytes = 0;
                DecodeMemory.this.notifyAll();
            }
        }
    }

    /** Reserves {@code bytes} (the whole budget when more), waiting until they are free. */
    synchronized Lease reserve(long bytes) throws InterruptedException {
        long wanted = Math.min(capacity, Math.max(0, bytes));
        while (waitingForAll > 0 || available < wanted) {
            wait();
        }
        available -= wanted;
        return new Lease(wanted);
    }

    /** Reserves the whole budget, waiting until no other decode holds any of it. */
    synchronized Lease reserveAll() throws InterruptedException {
        waitingForAll++;
        try {
            while (available < capacity) {
                wait();
            }
            available = 0;
            return new Lease(capacity);
        } finally {
            waitingForAll--;
            notifyAll();
        }
    }
}
