package dev.cnn.backend.nd4j;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many threads libnd4j and its OpenMP (BLAS, oneDNN) use: the system property {@value #PROPERTY}; without it,
 * one per core when the environment sets {@code OMP_WAIT_POLICY=PASSIVE} (as {@code ./cnn} does) and 1 otherwise.
 * With OpenMP's default, active waiting, ND4J's threads collapse when the cores are shared with other busy processes,
 * because they spin waiting for each other whenever one is descheduled: measured with {@code cnn bench} on a loaded
 * 2-core machine, conv-20-40 trained at 121 images/s with one thread per core and 1,584 with one thread (the
 * pure-Java backend: 767). With passive waiting, two threads inferred 1.7 times faster on a quiet 2-core machine and
 * trained as fast as one. On a machine of your own, try {@code -Dcnn.nd4j.threads=N} with N up to the number of cores.
 */
final class NativeThreads {
    static final String PROPERTY = "cnn.nd4j.threads";

    private NativeThreads() {
    }

    /** Applies {@value #PROPERTY}, or {@link #defaultCount} when it is not set. */
    static void applyConfiguredCount() {
        int threads = Integer.getInteger(PROPERTY,
                defaultCount(System.getenv("OMP_WAIT_POLICY"), Runtime.getRuntime().availableProcessors()));
        if (threads < 1) {
            throw new IllegalArgumentException(PROPERTY + " must be at least 1, got " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }

    /** One thread per processor when OpenMP waits passively ({@code waitPolicy} {@code PASSIVE}), else 1. */
    static int defaultCount(String waitPolicy, int processors) {
        return waitPolicy != null && waitPolicy.trim().equalsIgnoreCase("passive") ? Math.max(1, processors) : 1;
    }
}
