package dev.cnn.api.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds backends with {@link ServiceLoader} and picks one. The choice, first match wins: the name
 * given by the caller; the system property {@code cnn.backend}; the environment variable
 * {@code CNN_BACKEND}; the available provider with the highest priority.
 */
public final class Backends {
    /** The system property that names a backend. */
    public static final String PROPERTY = "cnn.backend";
    /** The environment variable that names a backend. */
    public static final String ENVIRONMENT_VARIABLE = "CNN_BACKEND";

    private static final Map<String, Backend> CREATED = new ConcurrentHashMap<>();

    private Backends() {
    }

    /** The backend chosen by {@code cnn.backend}, then {@code CNN_BACKEND}, then priority. */
    public static Backend select() {
        return select(null);
    }

    /** The backend called {@code name}, or the default choice when {@code name} is null or blank. */
    public static Backend select(String name) {
        return select(name, Thread.currentThread().getContextClassLoader());
    }

    /** As {@link #select(String)}, finding providers through {@code loader} (for plugin hosts). */
    public static Backend select(String name, ClassLoader loader) {
        String wanted = firstNonBlank(name, System.getProperty(PROPERTY), System.getenv(ENVIRONMENT_VARIABLE));
        List<ProviderStatus> found = discover(loader);
        ProviderStatus chosen = wanted == null ? highestAvailable(found) : named(found, wanted.trim().toLowerCase(Locale.ROOT));
        return CREATED.computeIfAbsent(chosen.name() + "@" + System.identityHashCode(chosen.provider().getClass()),
                key -> chosen.provider().create());
    }

    /** Every provider found through {@code loader}, by descending priority, each with its availability. */
    public static List<ProviderStatus> discover(ClassLoader loader) {
        List<ProviderStatus> found = new ArrayList<>();
        ServiceLoader<BackendProvider> serviceLoader = ServiceLoader.load(BackendProvider.class, loader);
        var iterator = serviceLoader.iterator();
        while (true) {
            BackendProvider provider;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                provider = iterator.next();
            } catch (ServiceConfigurationError e) {
                found.add(ProviderStatus.broken(e.getMessage()));
                continue;
            }
            Availability availability;
            try {
                availability = provider.availability();
            } catch (RuntimeException | LinkageError e) {
                availability = Availability.no("its availability check failed: " + e);
            }
            found.add(new ProviderStatus(provider.name(), provider.priority(), availability, provider));
        }
        found.sort(Comparator.comparingInt(ProviderStatus::priority).reversed());
        return found;
    }

    /** The name of the backend that {@link #select()} would pick, or empty when none is available. */
    public static Optional<String> defaultName(ClassLoader loader) {
        String wanted = firstNonBlank(null, System.getProperty(PROPERTY), System.getenv(ENVIRONMENT_VARIABLE));
        if (wanted != null) {
            return Optional.of(wanted.trim().toLowerCase(Locale.ROOT));
        }
        return discover(loader).stream().filter(p -> p.availability().available()).map(ProviderStatus::name).findFirst();
    }

    private static ProviderStatus highestAvailable(List<ProviderStatus> found) {
        return found.stream()
                .filter(p -> p.provider() != null && p.availability().available())
                .findFirst()
                .orElseThrow(() -> new BackendSelectionException(
                        "no compute backend is available. " + describe(found)
                                + " Put a backend jar such as cnn-backend-cpu on the classpath."));
    }

    private static ProviderStatus named(List<ProviderStatus> found, String wanted) {
        for (ProviderStatus p : found) {
            if (wanted.equals(p.name())) {
                if (!p.availability().available()) {
                    throw new BackendSelectionException("backend '" + wanted + "' is unavailable: "
                            + p.availability().reason() + ". " + describe(found));
                }
                return p;
            }
        }
        throw new BackendSelectionException("unknown backend '" + wanted + "'. " + describe(found)
                + " Name one of those with --backend, -D" + PROPERTY + " or " + ENVIRONMENT_VARIABLE
                + ", or add the backend's jar to the classpath.");
    }

    /** One sentence listing every provider found and, for the unavailable ones, why. */
    static String describe(List<ProviderStatus> found) {
        if (found.isEmpty()) {
            return "No backend providers were found on the classpath.";
        }
        StringBuilder sb = new StringBuilder("Providers found:");
        for (ProviderStatus p : found) {
            sb.append(' ').append(p.name()).append(" (priority ").append(p.priority()).append(", ")
                    .append(p.availability().available() ? "available" : "unavailable: " + p.availability().reason())
                    .append(");");
        }
        sb.setLength(sb.length() - 1);
        return sb.append('.').toString();
    }

    private static String firstNonBlank(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
    }
}
