package dev.cnn.api.backend;

/**
 * The {@link java.util.ServiceLoader} service through which backends are found. A backend jar lists
 * its implementation in {@code META-INF/services/dev.cnn.api.backend.BackendProvider}; putting the jar
 * on the classpath is all it takes to use it.
 */
public interface BackendProvider {

    /** A short lowercase name users select with {@code -Dcnn.backend=NAME} or {@code CNN_BACKEND}. */
    String name();

    /**
     * Higher wins when no backend is named: the rank of the backend's measured speed among the others. The
     * pure-Java backend, the fastest measured on every preset of this project, has priority 20; ND4J has 10.
     */
    int priority();

    /**
     * What the backend is the best choice for, in a line for {@code cnn backends}, from measurements (such as
     * {@code cnn bench --model all}); empty when the provider does not say.
     */
    default String bestFor() {
        return "";
    }

    /** Whether this backend can run here, and if not, why (a missing native library, say). */
    Availability availability();

    /** Makes the backend. Called only when {@link #availability()} says it is available. */
    Backend create();
}
