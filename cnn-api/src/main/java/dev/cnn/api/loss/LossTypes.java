package dev.cnn.api.loss;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The registry of loss type ids, filled from every {@link LossTypeProvider} on the classpath. */
public final class LossTypes {

    private LossTypes() {
    }

    /** Every registered type id with its class, sorted by id. */
    public static Map<String, Class<? extends Loss>> all(ClassLoader loader) {
        Map<String, Class<? extends Loss>> types = new TreeMap<>();
        for (LossTypeProvider provider : ServiceLoader.load(LossTypeProvider.class, loader)) {
            provider.lossTypes().forEach((id, type) -> {
                Class<? extends Loss> previous = types.putIfAbsent(id, type);
                if (previous != null && previous != type) {
                    throw new IllegalStateException("loss type id '" + id + "' is registered twice: by "
                            + previous.getName() + " and " + type.getName());
                }
            });
        }
        return types;
    }

    private static Map<String, Class<? extends Loss>> visible(ClassLoader extra) {
        Map<String, Class<? extends Loss>> types = new TreeMap<>(all(LossTypes.class.getClassLoader()));
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != LossTypes.class.getClassLoader()) {
            all(context).forEach(types::putIfAbsent);
        }
        if (extra != null) {
            all(extra).forEach(types::putIfAbsent);
        }
        return types;
    }

    /** The type id under which {@code loss}'s class is registered. */
    public static String idOf(Loss loss) {
        for (var entry : visible(loss.getClass().getClassLoader()).entrySet()) {
            if (entry.getValue() == loss.getClass()) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("loss class " + loss.getClass().getName()
                + " has no registered type id: list a LossTypeProvider for it in META-INF/services");
    }

    /** A new loss of type {@code id} with its default settings. */
    public static Loss create(String id) {
        Map<String, Class<? extends Loss>> types = visible(null);
        Class<? extends Loss> type = types.get(id);
        if (type == null) {
            throw new IllegalArgumentException("unknown loss '" + id + "'; known: " + String.join(", ", types.keySet()));
        }
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalArgumentException("loss '" + id + "' (" + type.getName() + ") has no public constructor"
                    + " without arguments: " + e);
        }
    }

    /** Registers every loss type id with {@code mapper}, so it reads and writes losses by id. */
    public static void registerWith(ObjectMapper mapper) {
        visible(null).forEach((id, type) -> mapper.registerSubtypes(new NamedType(type, id)));
    }
}
