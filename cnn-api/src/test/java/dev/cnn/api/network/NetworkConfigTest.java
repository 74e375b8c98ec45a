package dev.cnn.api.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerTypes;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkConfigTest {

    @Test
    void infersTheClassicShapes() {
        NetworkConfig config = new NetworkConfig(Shape.of(1, 28, 28),
                List.of(Conv2D.of(3, 5), new ReLU(), MaxPool2D.of(2), new Flatten(), Dense.of(10)));
        assertEquals(List.of(Shape.of(3, 24, 24), Shape.of(3, 24, 24), Shape.of(3, 12, 12), Shape.of(432), Shape.of(10)),
                config.layerOutputShapes());
    }

    @Test
    void mismatchNamesTheLayerAndBothShapes() {
        var e = assertThrows(ShapeMismatchException.class,
                () -> new NetworkConfig(Shape.of(1, 28, 28), List.of(Conv2D.of(3, 5), Dense.of(10))));
        assertTrue(e.getMessage().contains("layer 1 (dense) cannot take input of shape [3, 24, 24]"), e.getMessage());
        assertTrue(e.getMessage().contains("flat input [features]"), e.getMessage());
    }

    @Test
    void kernelLargerThanImageFailsAtBuildTime() {
        var e = assertThrows(ShapeMismatchException.class,
                () -> new NetworkConfig(Shape.of(1, 4, 4), List.<LayerConfig>of(Conv2D.of(3, 5))));
        assertTrue(e.getMessage().contains("does not fit input [1, 4, 4]"), e.getMessage());
    }

    @Test
    void roundTripsThroughJsonWithTypeIdsAndNoClassNames() throws Exception {
        NetworkConfig config = new NetworkConfig(Shape.of(1, 28, 28), List.of(Conv2D.of(20, 5).withStride(1).withPadding(2),
                new ReLU(), MaxPool2D.of(2), new Flatten(), Dense.of(10)));
        var mapper = LayerTypes.mapper();
        String json = mapper.writeValueAsString(config);
        assertTrue(json.contains("\"type\":\"conv2d\""), json);
        assertTrue(!json.contains("dev.cnn"), json);
        assertEquals(config, mapper.readValue(json, NetworkConfig.class));
    }

    @Test
    void unknownTypeIdIsRejected() {
        String json = "{\"inputShape\":[1,28,28],\"layers\":[{\"type\":\"java.lang.Runtime\"}]}";
        var e = assertThrows(Exception.class, () -> LayerTypes.mapper().readValue(json, NetworkConfig.class));
        assertTrue(e.getMessage().contains("java.lang.Runtime"), e.getMessage());
    }
}
