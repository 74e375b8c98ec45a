package dev.cnn.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the {@link ModelFormatProvider} of a format, in this module's class loader and the thread's context one. */
final class ModelFormats {
    private ModelFormats() {
    }

    /**
     * The provider named {@code name}.
     *
     * @param module the module that provides it, for the error
     * @throws IllegalStateException when none is on the classpath, naming the module to add
     */
    static ModelFormatProvider require(String name, String module) {
        List<String> found = new ArrayList<>();
        List<ClassLoader> loaders = new ArrayList<>(List.of(ModelFormats.class.getClassLoader()));
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != loaders.get(0)) {
            loaders.add(context);
        }
        for (ClassLoader loader : loaders) {
            ModelFormatProvider provider = find(name, loader, found);
            if (provider != null) {
                return provider;
            }
        }
        throw new IllegalStateException("the model format '" + name + "' needs the module " + module
                + " (dev.cnn:" + module + ") on the classpath; formats found: " + (found.isEmpty() ? "none" : found));
    }

    static ModelFormatProvider find(String name, ClassLoader loader, List<String> found) {
        for (ModelFormatProvider provider : ServiceLoader.load(ModelFormatProvider.class, loader)) {
            if (provider.name().equals(name)) {
                return provider;
            }
            found.add(provider.name());
        }
        return null;
    }
}
