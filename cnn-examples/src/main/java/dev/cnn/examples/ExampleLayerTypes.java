package dev.cnn.examples;

import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerTypeProvider;
import java.util.Map;

/** Registers this module's layers, listed in {@code META-INF/services/dev.cnn.api.layer.LayerTypeProvider}. */
public final class ExampleLayerTypes implements LayerTypeProvider {

    @Override
    public Map<String, Class<? extends LayerConfig>> layerTypes() {
        return Map.of("example_swish", Swish.class);
    }
}
