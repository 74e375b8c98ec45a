package dev.cnn.backend.cpu;

import java.util.function.IntConsumer;

/**
 * Runs independent tasks on a team of daemon threads owned by this backend ({@link WorkerPool}), one per processor.
 * Callers decide how work is cut into tasks; the cut never depends on the pool, so results are
 * the same whatever the scheduling.
 */
final class Parallel {
    /** Reductions are cut into at most this many fixed chunks, independent of the processor count. */
    static final int REDUCTION_CHUNKS = 16;

    private static final WorkerPool POOL = new WorkerPool(Runtime.getRuntime().availableProcessors());

    private Parallel() {
    }

    /** How many threads the pool runs. */
    static int parallelism() {
        return POOL.parallelism();
    }

    /** Calls {@code body} once for each task index in {@code [0, tasks)}, in parallel when there are several. */
    static void forEachTask(int tasks, IntConsumer body) {
        POOL.run(tasks, body);
    }

    /** Calls {@code body} on sub-ranges of {@code [0, length)} of at least {@code minChunk} elements each. */
    static void forRange(int length, int minChunk, RangeBody body) {
        int chunks = Math.max(1, Math.min(parallelism() * 4, length / Math.max(1, minChunk)));
        forEachTask(chunks, t -> body.run(chunkStart(length, chunks, t), chunkStart(length, chunks, t + 1)));
    }

    /** The first index of chunk {@code chunk} when {@code length} items are cut into {@code chunks} near-equal chunks. */
    static int chunkStart(int length, int chunks, int chunk) {
        return (int) ((long) length * chunk / chunks);
    }

    /** A piece of work over the index range {@code [from, to)}. */
    @FunctionalInterface
    interface RangeBody {
        void run(int from, int to);
    }
}
