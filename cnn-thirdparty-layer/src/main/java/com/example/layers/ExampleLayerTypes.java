package com.example.layers;

import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerTypeProvider;
import java.util.Map;

/** The third party's registration, listed in {@code META-INF/services/dev.cnn.api.layer.LayerTypeProvider}. */
public final class ExampleLayerTypes implements LayerTypeProvider {

    @Override
    public Map<String, Class<? extends LayerConfig>> layerTypes() {
        return Map.of("example_channel_scale", ChannelScale.class);
    }
}
