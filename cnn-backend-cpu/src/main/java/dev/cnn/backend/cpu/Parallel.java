package dev.cnn.backend.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * Runs independent tasks on a pool of daemon threads owned by this backend, one per processor.
 * Callers decide how work is cut into tasks; the cut never depends on the pool, so results are
 * the same whatever the scheduling.
 */
final class Parallel {
    /** Reductions are cut into at most this many fixed chunks, independent of the processor count. */
    static final int REDUCTION_CHUNKS = 16;

    private static final ForkJoinPool POOL = new ForkJoinPool(
            Runtime.getRuntime().availableProcessors(), Parallel::newWorker, null, false);

    private Parallel() {
    }

    /** How many threads the pool runs. */
    static int parallelism() {
        return POOL.getParallelism();
    }

    /** Calls {@code body} once for each task index in {@code [0, tasks)}, in parallel when there are several. */
    static void forEachTask(int tasks, IntConsumer body) {
        if (tasks <= 1 || POOL.getParallelism() == 1) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
            return;
        }
        POOL.invoke(new TaskRange(0, tasks, body));
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

    private static ForkJoinWorkerThread newWorker(ForkJoinPool pool) {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setDaemon(true);
        thread.setName("cnn-cpu-" + thread.getPoolIndex());
        return thread;
    }

    private static final class TaskRange extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final int from;
        private final int to;
        private final transient IntConsumer body;

        TaskRange(int from, int to, IntConsumer body) {
            this.from = from;
            this.to = to;
            this.body = body;
        }

        @Override
        protected void compute() {
            if (to - from == 1) {
                body.accept(from);
                return;
            }
            int middle = (from + to) >>> 1;
            invokeAll(new TaskRange(from, middle, body), new TaskRange(middle, to, body));
        }
    }
}
