package dev.cnn.backend.cpu;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * A fixed team of daemon threads that run the tasks of one parallel region at a time together with the
 * calling thread, which takes tasks too. Between regions the helpers spin for {@link #SPIN_NANOS} before
 * they park: a training step runs dozens of regions of a few hundred microseconds each, and waking a parked
 * thread costs a good part of that (tens of microseconds on a virtual machine), so a pool that parks at once,
 * as {@link java.util.concurrent.ForkJoinPool} does, leaves the second core idle for much of a small step. A helper
 * that finds itself descheduled again and again while spinning ({@link #PREEMPTED_NANOS}) parks between regions for a
 * while instead:
 * with fewer free cores than threads, a spinning helper took a third of the caller's time (a 784-100-10 net trained at
 * 85,000 images/s with two threads on one core, 140,000 with one thread).
 *
 * <p>One region runs at a time; a caller that finds the team busy (another thread's region, or a task that
 * starts a region of its own) runs its tasks itself, in index order. Tasks are claimed in any order by any
 * thread, so callers must make results independent of who runs which task.
 */
final class WorkerPool {
    /** How long an idle helper spins, waiting for the next region, before it parks ({@code -Dcnn.cpu.spinMicros}). */
    static final long SPIN_NANOS = Long.getLong("cnn.cpu.spinMicros", 200) * 1000;
    /**
     * A gap this long between two looks at the clock while spinning (the helper yields between them, so a thread
     * waiting for its processor gets it) means the helper lost its processor to another thread: the machine has fewer
     * free cores than threads (a loaded laptop, a virtual machine whose host is busy),
     * and spinning would take time from the thread that has the work.
     */
    static final long PREEMPTED_NANOS = 100_000;
    /** Losses of the processor this close together count as one streak. */
    static final long STREAK_NANOS = 10_000_000;
    /** A streak this long means the processor is contended. */
    static final int CONTENDED_STREAK = 3;
    /** After a streak of losses a helper parks between regions, without spinning, for this long. */
    static final long NO_SPIN_NANOS = 20_000_000;

    private final Helper[] helpers;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Region current;
    private final LongSupplier clock;

    WorkerPool(int threads) {
        this(threads, System::nanoTime);
    }

    /** A pool whose helpers read the time from {@code clock} (tests move it to make a helper look preempted). */
    WorkerPool(int threads, LongSupplier clock) {
        this.clock = clock;
        helpers = new Helper[Math.max(0, threads - 1)];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper(this, "cnn-cpu-" + (i + 1));
            helpers[i].start();
        }
    }

    /** How often the helpers found they had lost their processor while spinning, since the pool started. */
    long preemptions() {
        long total = 0;
        for (Helper helper : helpers) {
            total += helper.preemptions;
        }
        return total;
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
                if ((spins & 63) == 63) {
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
        private long noSpinUntil;
        private long lastLoss;
        private int streak;
        /** How often this helper found it had lost its processor while spinning. */
        private volatile long preemptions;

        Helper(WorkerPool pool, String name) {
            super(name);
            this.pool = pool;
            this.noSpinUntil = pool.clock.getAsLong();
            this.lastLoss = noSpinUntil - STREAK_NANOS;
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
            long last = pool.clock.getAsLong();
            long spinUntil = spinDeadline(last);
            for (int spins = 0; ; spins++) {
                Region region = pool.current;
                if (region != null && region != done) {
                    return region;
                }
                if ((spins & 63) != 63) {
                    Thread.onSpinWait();
                    continue;
                }
                Thread.yield();
                long now = pool.clock.getAsLong();
                if (now - last > PREEMPTED_NANOS && lostProcessor(now)) {
                    spinUntil = now;
                }
                last = now;
                if (now - spinUntil >= 0) {
                    parked = true;
                    region = pool.current;
                    if (region == null || region == done) {
                        LockSupport.park(pool);
                    }
                    parked = false;
                    last = pool.clock.getAsLong();
                    spinUntil = spinDeadline(last);
                }
            }
        }

        /**
         * Counts a loss of the processor at {@code now}, and whether it is the {@link #CONTENDED_STREAK}th within
         * {@link #STREAK_NANOS} of each other, which turns spinning off for {@link #NO_SPIN_NANOS}: single losses
         * happen on any machine (a compiler or collector thread, another process) and cost less than parking.
         */
        private boolean lostProcessor(long now) {
            preemptions++;
            streak = now - lastLoss < STREAK_NANOS ? streak + 1 : 1;
            lastLoss = now;
            if (streak < CONTENDED_STREAK) {
                return false;
            }
            noSpinUntil = now + NO_SPIN_NANOS;
            return true;
        }

        /** Until when to spin from {@code now}: {@link #SPIN_NANOS}, or not at all while the processor is contended. */
        private long spinDeadline(long now) {
            return now - noSpinUntil < 0 ? now : now + SPIN_NANOS;
        }
    }
}
