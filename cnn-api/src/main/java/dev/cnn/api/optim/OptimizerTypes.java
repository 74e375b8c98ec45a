package dev.cnn.api.optim;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The registry of optimizer type ids, filled from every {@link OptimizerTypeProvider} on the classpath. */
public final class OptimizerTypes {
    private OptimizerTypes() {
    }

    /** Every registered optimizer by id, sorted. */
    public static Map<String, OptimizerType> all() {
        Map<String, OptimizerType> types = new TreeMap<>();
        for (ClassLoader loader : loaders()) {
            for (OptimizerTypeProvider provider : ServiceLoader.load(OptimizerTypeProvider.class, loader)) {
                for (OptimizerType type : provider.optimizerTypes()) {
                    OptimizerType previous = types.putIfAbsent(type.id(), type);
                    if (previous != null && previous.type() != type.type()) {
                        throw new IllegalStateException("optimizer type id '" + type.id() + "' is registered twice: by "
                                + previous.type().getName() + " and " + type.type().getName());
                    }
                }
            }
        }
        return types;
    }

    /**
     * The optimizer registered as {@code id}, ignoring case.
     *
     * @throws IllegalArgumentException naming every known id when there is none
     */
    public static OptimizerType byId(String id) {
        OptimizerType type = all().get(id.strip().toLowerCase(java.util.Locale.ROOT));
        if (type == null) {
            throw new IllegalArgumentException("unknown optimizer '" + id + "'; known: " + String.join(", ", all().keySet()));
        }
        return type;
    }

    /** The id under which {@code config}'s class is registered. */
    public static String idOf(OptimizerConfig config) {
        return all().values().stream().filter(t -> t.type() == config.getClass()).map(OptimizerType::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("optimizer class " + config.getClass().getName()
                        + " has no registered type id: list an OptimizerTypeProvider for it in META-INF/services; known: "
                        + all().values().stream().map(OptimizerType::id).collect(Collectors.joining(", "))));
    }

    private static ClassLoader[] loaders() {
        ClassLoader own = OptimizerTypes.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context == null || context == own ? new ClassLoader[] {own} : new ClassLoader[] {own, context};
    }
}
