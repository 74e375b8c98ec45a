package dev.cnn.backend.nd4j;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many threads libnd4j and its OpenMP (BLAS, oneDNN) use: the system property {@value #PROPERTY},
 * default 1. ND4J's own default (one per core) collapses when the cores are shared with other busy
 * processes, because OpenMP threads spin waiting for each other whenever one is descheduled: measured
 * with {@code cnn bench} on a loaded 2-core machine, conv-20-40 trained at 121 images/s with ND4J's
 * default and 1,584 with one thread (the pure-Java backend: 767). On a machine of your own, try
 * {@code -Dcnn.nd4j.threads=N} with N up to the number of cores.
 */
final class NativeThreads {
    static final String PROPERTY = "cnn.nd4j.threads";

    private NativeThreads() {
    }

    /** Applies {@value #PROPERTY}, or 1 when it is not set. */
    static void applyConfiguredCount() {
        int threads = Integer.getInteger(PROPERTY, 1);
        if (threads < 1) {
            throw new IllegalArgumentException(PROPERTY + " must be at least 1, got " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }
}
