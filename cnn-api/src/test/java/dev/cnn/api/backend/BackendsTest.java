package dev.cnn.api.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackendsTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(Backends.PROPERTY);
    }

    @Test
    void discoversEveryProviderByDescendingPriority() {
        List<ProviderStatus> found = Backends.discover(getClass().getClassLoader());
        assertEquals(List.of("broken", "fast", "slow"), found.stream().map(ProviderStatus::name).toList());
        assertEquals("needs a GPU that is not there", found.get(0).availability().reason());
    }

    @Test
    void picksTheHighestPriorityAvailableProvider() {
        assertEquals("fast", Backends.select(null, getClass().getClassLoader()).name());
    }

    @Test
    void explicitNameWinsOverPriority() {
        assertEquals("slow", Backends.select("slow", getClass().getClassLoader()).name());
        assertEquals("slow", Backends.select(" SLOW ", getClass().getClassLoader()).name());
    }

    @Test
    void systemPropertyNamesTheBackend() {
        System.setProperty(Backends.PROPERTY, "slow");
        assertEquals("slow", Backends.select(null, getClass().getClassLoader()).name());
    }

    @Test
    void unknownNameListsEveryProviderAndWhySkipped() {
        var e = assertThrows(BackendSelectionException.class, () -> Backends.select("tpu", getClass().getClassLoader()));
        assertTrue(e.getMessage().contains("unknown backend 'tpu'"), e.getMessage());
        assertTrue(e.getMessage().contains("fast (priority 5, available)"), e.getMessage());
        assertTrue(e.getMessage().contains("broken (priority 9, unavailable: needs a GPU that is not there)"), e.getMessage());
    }

    @Test
    void unavailableNameSaysWhy() {
        var e = assertThrows(BackendSelectionException.class, () -> Backends.select("broken", getClass().getClassLoader()));
        assertTrue(e.getMessage().startsWith("backend 'broken' is unavailable: needs a GPU that is not there"), e.getMessage());
    }

    @Test
    void noProvidersAtAllIsExplained() {
        ClassLoader empty = new ClassLoader(null) {
        };
        var e = assertThrows(BackendSelectionException.class, () -> Backends.select(null, empty));
        assertTrue(e.getMessage().contains("No backend providers were found"), e.getMessage());
    }
}
