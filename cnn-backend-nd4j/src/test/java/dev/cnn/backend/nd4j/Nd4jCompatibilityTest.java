package dev.cnn.backend.nd4j;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.tck.BackendCompatibilityKit;

/** The ND4J backend, found by name through ServiceLoader, passes the compatibility kit. */
class Nd4jCompatibilityTest extends BackendCompatibilityKit {

    @Override
    public Backend backendUnderTest() {
        return Backends.select(Nd4jBackend.NAME);
    }
}
