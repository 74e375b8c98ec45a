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

    /** What the provider says it is best for ({@link BackendProvider#bestFor}); empty when it says nothing or fails. */
    public String bestFor() {
        if (provider == null) {
            return "";
        }
        try {
            String text = provider.bestFor();
            return text == null ? "" : text;
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }

    static ProviderStatus broken(String reason) {
        return new ProviderStatus("(unloadable)", Integer.MIN_VALUE, Availability.no(reason), null);
    }
}
