package dev.cnn.api.backend;

/**
 * The {@link java.util.ServiceLoader} service through which backends are found. A backend jar lists
 * its implementation in {@code META-INF/services/dev.cnn.api.backend.BackendProvider}; putting the jar
 * on the classpath is all it takes to use it.
 */
public interface BackendProvider {

    /** A short lowercase name users select with {@code -Dcnn.backend=NAME} or {@code CNN_BACKEND}. */
    String name();

    /** Higher wins when no backend is named. The pure-Java backend has priority 0. */
    int priority();

    /** Whether this backend can run here, and if not, why (a missing native library, say). */
    Availability availability();

    /** Makes the backend. Called only when {@link #availability()} says it is available. */
    Backend create();
}
