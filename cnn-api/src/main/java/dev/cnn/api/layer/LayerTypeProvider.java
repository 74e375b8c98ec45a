package dev.cnn.api.layer;

import java.util.Map;

/**
 * A {@link java.util.ServiceLoader} service that registers layer configurations under logical type
 * ids. A user's own layer joins by listing a provider in
 * {@code META-INF/services/dev.cnn.api.layer.LayerTypeProvider}; it then trains, saves and loads like a
 * built-in one, and model files still hold only the id.
 */
public interface LayerTypeProvider {

    /** Type ids (lowercase, for example {@code "conv2d"}) mapped to their configuration classes. */
    Map<String, Class<? extends LayerConfig>> layerTypes();
}
