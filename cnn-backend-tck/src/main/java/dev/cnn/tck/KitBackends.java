package dev.cnn.tck;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.tensor.Tensor;

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

    /** The twin's tensor of {@code backend}: the reference's or the tested one's. */
    default Tensor pick(Backend backend, Twin twin) {
        return backend == referenceBackend() ? twin.reference() : twin.underTest();
    }
}
