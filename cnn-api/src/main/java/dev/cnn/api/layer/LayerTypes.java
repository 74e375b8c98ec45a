package dev.cnn.api.layer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The registry of layer type ids, filled from every {@link LayerTypeProvider} on the classpath. */
public final class LayerTypes {
    /**
     * The type id of each layer class, looked up once per class: the providers are found again by every lookup, which a
     * graph of many nodes would otherwise do once per node.
     */
    private static final ClassValue<String> IDS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            for (ClassLoader loader : new ClassLoader[] {type.getClassLoader(), LayerTypes.class.getClassLoader()}) {
                for (var entry : all(loader).entrySet()) {
                    if (entry.getValue() == type) {
                        return entry.getKey();
                    }
                }
            }
            throw new IllegalStateException("layer class " + type.getName()
                    + " has no registered type id: list a LayerTypeProvider for it in META-INF/services");
        }
    };

    private LayerTypes() {
    }

    /** The type id under which {@code config}'s class is registered. */
    public static String idOf(LayerConfig config) {
        return IDS.get(config.getClass());
    }

    /** Every registered type id with its configuration class, sorted by id. */
    public static Map<String, Class<? extends LayerConfig>> all(ClassLoader loader) {
        Map<String, Class<? extends LayerConfig>> types = new TreeMap<>();
        for (LayerTypeProvider provider : ServiceLoader.load(LayerTypeProvider.class, loader)) {
            provider.layerTypes().forEach((id, type) -> {
                Class<? extends LayerConfig> previous = types.putIfAbsent(id, type);
                if (previous != null && previous != type) {
                    throw new IllegalStateException("layer type id '" + id + "' is registered twice: by "
                            + previous.getName() + " and " + type.getName());
                }
            });
        }
        return types;
    }

    /**
     * A JSON mapper that reads and writes {@link LayerConfig}s and {@link dev.cnn.api.loss.Loss}es by their type
     * ids. Only registered ids can be read: an unknown id fails instead of loading a class by name.
     */
    public static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        all(LayerTypes.class.getClassLoader()).forEach((id, type) -> mapper.registerSubtypes(new NamedType(type, id)));
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != LayerTypes.class.getClassLoader()) {
            all(context).forEach((id, type) -> mapper.registerSubtypes(new NamedType(type, id)));
        }
        dev.cnn.api.loss.LossTypes.registerWith(mapper);
        return mapper;
    }
}
