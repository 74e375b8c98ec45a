package dev.cnn.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.BackendProvider;
import dev.cnn.api.backend.Backends;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ProviderTest {

    @Test
    void serviceLoaderFindsTheCpuProvider() {
        BackendProvider provider = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("cpu"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no provider named cpu found by ServiceLoader"));
        assertTrue(provider instanceof CpuBackendProvider);
        assertEquals(CpuBackendProvider.PRIORITY, provider.priority());
        assertTrue(provider.availability().available());
        assertEquals("cpu", provider.create().name());
    }

    @Test
    void selectionByNameGivesTheCpuBackend() {
        Backend backend = Backends.select("cpu", getClass().getClassLoader());
        assertTrue(backend instanceof CpuBackend);
    }
}
