package dev.cnn.backend.nd4j;

import dev.cnn.api.backend.Availability;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.BackendProvider;

/**
 * Offers the ND4J backend to {@link java.util.ServiceLoader}. It outranks the pure-Java backend,
 * and reports itself unavailable, with the reason, when the native libraries cannot be loaded here.
 */
public final class Nd4jBackendProvider implements BackendProvider {

    /** Above the pure-Java backend's 0, so ND4J is chosen when it works. */
    public static final int PRIORITY = 10;

    @Override
    public String name() {
        return Nd4jBackend.NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Availability availability() {
        return NativeRuntimeProbe.result();
    }

    @Override
    public Backend create() {
        Availability availability = availability();
        if (!availability.available()) {
            throw new IllegalStateException("the ND4J backend cannot run here: " + availability.reason());
        }
        return new Nd4jBackend();
    }
}
