package dev.cnn.tck;

import dev.cnn.api.backend.Backend;

/**
 * What every property of the kit works on: the backend under test and the reference it must
 * agree with.
 */
public interface KitBackends {

    /** The backend whose kernels are checked. */
    Backend backendUnderTest();

    /** The backend it must agree with: the pure-Java reference, {@code cnn-backend-cpu}. */
    default Backend referenceBackend() {
        return ReferenceBackend.instance();
    }

    /** A new trial of {@code kernel} on {@code testCase}. */
    default Trial trial(String kernel, Object testCase) {
        return new Trial(kernel, testCase, referenceBackend(), backendUnderTest());
    }
}
