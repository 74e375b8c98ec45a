package dev.cnn.tck;

import dev.cnn.api.backend.Backend;
import dev.cnn.backend.cpu.CpuBackend;

/** Sanity check of the kit itself: the reference backend, as a separate instance, agrees with itself. */
class CpuAgainstCpuCompatibilityTest extends BackendCompatibilityKit {
    private final Backend cpu = new CpuBackend();

    @Override
    public Backend backendUnderTest() {
        return cpu;
    }
}
