package dev.cnn.backend.cpu;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed team of daemon threads that run the tasks of one parallel region at a time together with the
 * calling thread, which takes tasks too. Between regions the helpers spin for {@link #SPIN_NANOS} before
 * they park: a training step runs dozens of regions of a few hundred microseconds each, and waking a parked
 * thread costs a good part of that (tens of microseconds on a virtual machine), so a pool that parks at once,
 * as {@link java.util.concurrent.ForkJoinPool} does, leaves the second core idle for much of a small step.
 *
 * <p>One region runs at a time; a caller that finds the team busy (another thread's region, or a task that
 * starts a region of its own) runs its tasks itself, in index order. Tasks are claimed in any order by any
 * thread, so callers must make results independent of who runs which task.
 */
final class WorkerPool {
    /** How long an idle helper spins, waiting for the next region, before it parks ({@code -Dcnn.cpu.spinMicros}). */
    static final long SPIN_NANOS = Long.getLong("cnn.cpu.spinMicros", 200) * 1000;

    private final Helper[] helpers;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Region current;

    WorkerPool(int threads) {
        helpers = new Helper[Math.max(0, threads - 1)];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper(this, "cnn-cpu-" + (i + 1));
            helpers[i].start();
        }
    }

    /** Threads that run a region's tasks: the helpers and the caller. */
    int parallelism() {
        return helpers.length + 1;
    }

    /** Runs {@code body} once for each index in {@code [0, tasks)} and returns when all have finished. */
    void run(int tasks, IntConsumer body) {
        if (tasks <= 1 || helpers.length == 0 || !busy.compareAndSet(false, true)) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
            return;
        }
        try {
            Region region = new Region(tasks, body);
            current = region;
            for (Helper helper : helpers) {
                if (helper.parked) {
                    LockSupport.unpark(helper);
                }
            }
            region.work();
            region.awaitAll();
            current = null;
            region.rethrowFailure();
        } finally {
            busy.set(false);
        }
    }

    /** The tasks of one parallel region, claimed one index at a time. */
    private static final class Region {
        private static final AtomicIntegerFieldUpdater<Region> NEXT =
                AtomicIntegerFieldUpdater.newUpdater(Region.class, "next");
        private static final AtomicIntegerFieldUpdater<Region> FINISHED =
                AtomicIntegerFieldUpdater.newUpdater(Region.class, "finished");

        private final int tasks;
        private final IntConsumer body;
        private volatile int next;
        private volatile int finished;
        private volatile Throwable failure;

        Region(int tasks, IntConsumer body) {
            this.tasks = tasks;
            this.body = body;
        }

        void work() {
            for (int t = NEXT.getAndIncrement(this); t < tasks; t = NEXT.getAndIncrement(this)) {
                try {
                    body.accept(t);
                } catch (Throwable e) {
                    if (failure == null) {
                        failure = e;
                    }
                } finally {
                    FINISHED.incrementAndGet(this);
                }
            }
        }

        void awaitAll() {
            for (int spins = 0; finished < tasks; spins++) {
                if ((spins & 1023) == 1023) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            }
        }

        void rethrowFailure() {
            Throwable e = failure;
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e instanceof Error error) {
                throw error;
            }
            if (e != null) {
                throw new IllegalStateException("a parallel task failed", e);
            }
        }
    }

    /** A helper thread: spins while regions come quickly, parks when they stop. */
    private static final class Helper extends Thread {
        private final WorkerPool pool;
        private volatile boolean parked;

        Helper(WorkerPool pool, String name) {
            super(name);
            this.pool = pool;
            setDaemon(true);
        }

        @Override
        public void run() {
            Region done = null;
            while (true) {
                Region region = awaitRegionOtherThan(done);
                region.work();
                done = region;
            }
        }

        private Region awaitRegionOtherThan(Region done) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            for (int spins = 0; ; spins++) {
                Region region = pool.current;
                if (region != null && region != done) {
                    return region;
                }
                if ((spins & 63) == 63 && System.nanoTime() > spinUntil) {
                    parked = true;
                    region = pool.current;
                    if (region == null || region == done) {
                        LockSupport.park(pool);
                    }
                    parked = false;
                    spinUntil = System.nanoTime() + SPIN_NANOS;
                } else {
                    Thread.onSpinWait();
                }
            }
        }
    }
}
