package dev.cnn.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NativeThreadsTest {
    @Test
    void oneThreadPerCoreOnlyWhenOpenMpWaitsPassively() {
        assertEquals(2, NativeThreads.defaultCount("PASSIVE", 2));
        assertEquals(16, NativeThreads.defaultCount(" passive ", 16));
        assertEquals(1, NativeThreads.defaultCount(null, 16), "OpenMP's default is active waiting");
        assertEquals(1, NativeThreads.defaultCount("ACTIVE", 16));
        assertEquals(1, NativeThreads.defaultCount("PASSIVE", 0));
    }
}
