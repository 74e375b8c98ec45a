package dev.cnn.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DecodeMemoryTest {
    private static final Duration QUICKLY = Duration.ofSeconds(10);

    /** Starts a thread that reserves {@code bytes} (or all), counts down {@code got}, then gives them back. */
    private static Thread reserving(DecodeMemory memory, long bytes, CountDownLatch got) {
        Thread t = new Thread(() -> {
            try (DecodeMemory.Lease lease = bytes < 0 ? memory.reserveAll() : memory.reserve(bytes)) {
                got.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void aReservationWaitsWhileOthersHoldTheBudgetAndGoesOnWhenTheyGiveItBack() {
        assertTimeoutPreemptively(QUICKLY, () -> {
            DecodeMemory memory = new DecodeMemory(5_000_000_000L);
            DecodeMemory.Lease held = memory.reserve(3_000_000_000L);
            CountDownLatch got = new CountDownLatch(1);
            reserving(memory, 3_000_000_000L, got);
            assertFalse(got.await(200, TimeUnit.MILLISECONDS), "3 GB more does not fit a 5 GB budget with 3 GB held");
            held.close();
            assertTrue(got.await(5, TimeUnit.SECONDS), "it goes on once the first gives its bytes back");
        });
    }

    @Test
    void moreThanTheWholeBudgetRunsAloneInsteadOfWaitingForever() {
        assertTimeoutPreemptively(QUICKLY, () -> {
            DecodeMemory memory = new DecodeMemory(100);
            DecodeMemory.Lease small = memory.reserve(10);
            CountDownLatch got = new CountDownLatch(1);
            reserving(memory, Long.MAX_VALUE, got);
            assertFalse(got.await(200, TimeUnit.MILLISECONDS), "it waits for the other to finish");
            small.close();
            assertTrue(got.await(5, TimeUnit.SECONDS), "then runs, alone");
        });
    }

    @Test
    void oneWaitingToRunAloneIsNotStarvedByNewReservations() {
        assertTimeoutPreemptively(QUICKLY, () -> {
            DecodeMemory memory = new DecodeMemory(100);
            DecodeMemory.Lease first = memory.reserve(40);
            CountDownLatch alone = new CountDownLatch(1);
            reserving(memory, -1, alone);
            Thread.sleep(100);
            CountDownLatch later = new CountDownLatch(1);
            reserving(memory, 10, later);
            assertFalse(later.await(200, TimeUnit.MILLISECONDS), "a new reservation waits behind the one waiting to run alone");
            first.close();
            assertTrue(alone.await(5, TimeUnit.SECONDS));
            assertTrue(later.await(5, TimeUnit.SECONDS));
            assertEquals(100, memory.capacity());
        });
    }
}
