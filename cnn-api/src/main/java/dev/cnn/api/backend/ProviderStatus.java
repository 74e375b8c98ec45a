package dev.cnn.api.backend;

/**
 * A provider found on the classpath, as {@link Backends#discover} reports it.
 *
 * @param name         the provider's name
 * @param priority     its priority; higher wins by default
 * @param availability whether it can run, and why not
 * @param provider     the provider itself; null when it could not even be loaded
 */
public record ProviderStatus(String name, int priority, Availability availability, BackendProvider provider) {

    static ProviderStatus broken(String reason) {
        return new ProviderStatus("(unloadable)", Integer.MIN_VALUE, Availability.no(reason), null);
    }
}
