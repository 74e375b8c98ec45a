package dev.cnn.backend.cpu;

import dev.cnn.api.backend.Availability;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.BackendProvider;

/**
 * Provides the pure-Java backend {@code "cpu"}: always available, and the default (priority {@value #PRIORITY}, above
 * ND4J's), because it trains and infers every preset faster than ND4J in the measurements of the README's speed
 * section.
 */
public final class CpuBackendProvider implements BackendProvider {

    @Override
    public String name() {
        return CpuBackend.NAME;
    }

    /** Above ND4J's 10: the measured faster backend is the one a user gets without options. */
    public static final int PRIORITY = 20;

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public String bestFor() {
        return "every preset: the fastest measured here in training and inference (README, Speed; ./cnn bench"
                + " --model all measures this machine); the reference every backend is checked against";
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
