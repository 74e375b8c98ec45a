package dev.cnn.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkerPoolTest {
    private final WorkerPool pool = new WorkerPool(3);

    @Test
    void everyTaskRunsExactlyOnceInEveryRegion() {
        for (int region = 0; region < 2_000; region++) {
            int tasks = 1 + region % 17;
            AtomicIntegerArray runs = new AtomicIntegerArray(tasks);
            pool.run(tasks, runs::incrementAndGet);
            for (int t = 0; t < tasks; t++) {
                assertEquals(1, runs.get(t), "region " + region + ", task " + t);
            }
        }
    }

    @Test
    void helpersTakeTasksWhenTheCallerIsBusy() {
        Set<Thread> threads = runOnEveryThread(pool, 3);
        assertEquals(3, threads.size(), "tasks ran on " + threads);
    }

    @Test
    void aHelperThatParkedWakesForTheNextRegion() throws InterruptedException {
        pool.run(4, t -> { });
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(WorkerPool.SPIN_NANOS) * 20 + 50);
        helpersTakeTasksWhenTheCallerIsBusy();
    }

    @Test
    void aHelperThatLosesItsProcessorWhileSpinningCountsItAndStillTakesTasks() throws InterruptedException {
        AtomicLong offset = new AtomicLong();
        WorkerPool contended = new WorkerPool(2, () -> System.nanoTime() + offset.get());
        for (int attempt = 0; attempt < 200 && contended.preemptions() == 0; attempt++) {
            assertEquals(2, runOnEveryThread(contended, 2).size());
            offset.addAndGet(10 * WorkerPool.PREEMPTED_NANOS);
            Thread.sleep(2);
        }
        assertTrue(contended.preemptions() > 0, "a jump of the clock while the helper spun was never noticed");
        Set<Thread> threads = runOnEveryThread(contended, 2);
        assertEquals(2, threads.size(), "after a preemption the helper took no task: tasks ran on " + threads);
    }

    /** Runs a region of {@code tasks} tasks that each wait for all the others, so every thread must take one; the threads that ran them. */
    private static Set<Thread> runOnEveryThread(WorkerPool pool, int tasks) {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch allStarted = new CountDownLatch(tasks);
        pool.run(tasks, t -> {
            threads.add(Thread.currentThread());
            allStarted.countDown();
            try {
                assertTrue(allStarted.await(30, TimeUnit.SECONDS), tasks + " tasks never ran at the same time");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return threads;
    }

    @Test
    void aFailingTaskFailsTheRegionWithItsOwnExceptionAndThePoolStaysUsable() {
        IllegalStateException thrown = new IllegalStateException("task 5 failed");
        AtomicIntegerArray runs = new AtomicIntegerArray(8);
        IllegalStateException caught = assertThrows(IllegalStateException.class, () -> pool.run(8, t -> {
            runs.incrementAndGet(t);
            if (t == 5) {
                throw thrown;
            }
        }));
        assertSame(thrown, caught);
        for (int t = 0; t < 8; t++) {
            assertEquals(1, runs.get(t), "the other tasks still run once; task " + t);
        }
        AtomicIntegerArray after = new AtomicIntegerArray(8);
        pool.run(8, after::incrementAndGet);
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1}, toArray(after));
    }

    @Test
    void aRegionStartedInsideATaskRunsInThatTask() {
        AtomicIntegerArray inner = new AtomicIntegerArray(4 * 5);
        pool.run(4, outer -> pool.run(5, t -> inner.incrementAndGet(outer * 5 + t)));
        for (int i = 0; i < inner.length(); i++) {
            assertEquals(1, inner.get(i), "inner task " + i);
        }
    }

    @Test
    void callersOnSeveralThreadsEachGetAllTheirTasksRun() throws InterruptedException {
        int callers = 4;
        int regions = 500;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            Thread thread = new Thread(() -> {
                for (int r = 0; r < regions; r++) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(9);
                    pool.run(9, runs::incrementAndGet);
                    for (int t = 0; t < 9; t++) {
                        assertEquals(1, runs.get(t));
                    }
                }
            });
            thread.setUncaughtExceptionHandler((t, e) -> {
                synchronized (failures) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures);
    }

    private static int[] toArray(AtomicIntegerArray array) {
        int[] values = new int[array.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i);
        }
        return values;
    }
}
