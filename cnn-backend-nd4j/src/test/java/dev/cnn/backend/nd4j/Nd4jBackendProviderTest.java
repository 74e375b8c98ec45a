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
    void isFoundThroughServiceLoaderAvailableAndAheadOfTheReference() {
        List<ProviderStatus> found = Backends.discover(getClass().getClassLoader());
        ProviderStatus first = found.get(0);
        assertEquals("nd4j", first.name(), "providers by priority: " + found);
        assertTrue(first.availability().available(), "nd4j unavailable: " + first.availability().reason());
        assertEquals(10, first.priority());
        assertTrue(found.stream().anyMatch(p -> p.name().equals("cpu") && p.priority() < first.priority()),
                "the cpu reference should be found with a lower priority: " + found);
    }

    @Test
    void createsTheNd4jBackend() {
        assertInstanceOf(Nd4jBackend.class, new Nd4jBackendProvider().create());
        assertEquals("nd4j", new Nd4jBackendProvider().create().name());
    }
}
