package dev.cnn.backend.nd4j;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many threads libnd4j and its OpenMP (BLAS, oneDNN) use, from the system property
 * {@value #PROPERTY}; unset leaves ND4J's own choice (one per core). On a machine whose cores are
 * shared with other busy processes, 1 is often several times faster: OpenMP threads wait for
 * each other whenever one of them is descheduled.
 */
final class NativeThreads {
    static final String PROPERTY = "cnn.nd4j.threads";

    private NativeThreads() {
    }

    /** Applies {@value #PROPERTY} when it is set. */
    static void applyConfiguredCount() {
        Integer threads = Integer.getInteger(PROPERTY);
        if (threads != null) {
            if (threads < 1) {
                throw new IllegalArgumentException(PROPERTY + " must be at least 1, got " + threads);
            }
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        }
    }
}
