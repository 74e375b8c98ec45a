package dev.cnn.backend.nd4j;

import dev.cnn.api.backend.Availability;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.BackendProvider;

/**
 * Offers the ND4J backend to {@link java.util.ServiceLoader}. It ranks below the pure-Java backend, which measured
 * faster on every preset, and reports itself unavailable, with the reason, when the native libraries cannot be
 * loaded here.
 */
public final class Nd4jBackendProvider implements BackendProvider {

    /** Below the pure-Java backend's 20: chosen by name, or where the pure-Java backend is not on the classpath. */
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
    public String bestFor() {
        return "a second, native implementation (libnd4j with OpenBLAS) to check results against; slower than cpu"
                + " on every preset measured (README, Speed)";
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
