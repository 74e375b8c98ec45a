package dev.cnn.api.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cnn.api.layer.Initializer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerTypes;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in layer survives a trip through JSON, as Keras layers do through get_config. */
class LayerConfigRoundTripTest {

    static Stream<LayerConfig> everyLayer() {
        return Stream.of(new Conv2D(8, 3, 2, 2, 1, 1, 0, false, Initializer.XAVIER), Dense.of(7),
                new MaxPool2D(3, 2, 2, 1, 1, 0), new AvgPool2D(2, 2, 2, 2, 1, 1), new GlobalAvgPool2D(), new GlobalMaxPool2D(), new Flatten(),
                new Dropout(0.25), new BatchNorm(0.8, 1e-3), new ReLU(), new LeakyReLU(0.1), new Sigmoid(), new Tanh(),
                new Softmax(), new Add(), new Concatenate(),
                new DepthwiseConv2D(3, 2, 2, 1, 2, 1, 0, 2, 1, false, Initializer.HE), SeparableConv2D.of(8, 3).withDilation(2),
                GroupedConv2D.of(6, 3, 3).withStride(2), Conv2D.of(4, 3).withDilation(2).withSamePadding(),
                GroupedConv2D.of(4, 2, 3).withDilation(3), MaxPool2D.of(2).withCeilMode(true),
                new AvgPool2D(3, 3, 2, 2, 1, 1).withCeilMode(true).withCountIncludePad(true), new Pad2D(1, 2, 0, 3, -1.5f));
    }

    @ParameterizedTest
    @MethodSource("everyLayer")
    void roundTrips(LayerConfig config) throws Exception {
        var mapper = LayerTypes.mapper();
        String json = mapper.writeValueAsString(config);
        assertFalse(json.contains("dev.cnn"), json);
        assertEquals(config, mapper.readValue(json, LayerConfig.class), json);
    }

    @ParameterizedTest
    @MethodSource("everyLayer")
    void everyLayerHasARegisteredTypeId(LayerConfig config) {
        assertEquals(config.getClass(), LayerTypes.all(getClass().getClassLoader()).get(LayerTypes.idOf(config)));
    }

    @org.junit.jupiter.api.Test
    void everyRegisteredTypeIsCoveredHere() {
        assertEquals(LayerTypes.all(getClass().getClassLoader()).values().stream().map(Class::getName).sorted().toList(),
                everyLayer().map(c -> c.getClass().getName()).sorted().distinct().toList());
        assertEquals(20, List.copyOf(LayerTypes.all(getClass().getClassLoader()).keySet()).size());
    }
}
