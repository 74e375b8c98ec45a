package dev.cnn.backend.cpu;

import dev.cnn.api.backend.Availability;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.BackendProvider;

/** Provides the pure-Java backend {@code "cpu"}: always available, lowest priority (0). */
public final class CpuBackendProvider implements BackendProvider {

    @Override
    public String name() {
        return CpuBackend.NAME;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public Backend create() {
        return new CpuBackend();
    }
}
