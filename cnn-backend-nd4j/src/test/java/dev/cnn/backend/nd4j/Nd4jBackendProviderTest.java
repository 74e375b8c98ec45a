package dev.cnn.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backends;
import dev.cnn.api.backend.ProviderStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class Nd4jBackendProviderTest {

    @Test
    void isFoundThroughServiceLoaderAvailableAndBehindTheFasterPureJavaBackend() {
        List<ProviderStatus> found = Backends.discover(getClass().getClassLoader());
        ProviderStatus nd4j = found.stream().filter(p -> p.name().equals("nd4j")).findFirst()
                .orElseThrow(() -> new AssertionError("nd4j not found: " + found));
        assertTrue(nd4j.availability().available(), "nd4j unavailable: " + nd4j.availability().reason());
        assertEquals(10, nd4j.priority());
        assertEquals("cpu", found.get(0).name(), "the measured faster cpu backend ranks first: " + found);
        assertTrue(nd4j.bestFor().contains("slower than cpu"), nd4j.bestFor());
    }

    @Test
    void createsTheNd4jBackend() {
        assertInstanceOf(Nd4jBackend.class, new Nd4jBackendProvider().create());
        assertEquals("nd4j", new Nd4jBackendProvider().create().name());
    }
}
