package dev.cnn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.network.GraphConfig;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PresetTest {
    private final Backend cpu = Backends.select("cpu");

    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyPresetBuildsForGreyAndColourImagesAndGivesClassScores(Preset preset) {
        for (Shape input : new Shape[] {Shape.of(1, 28, 28), Shape.of(3, 32, 32)}) {
            GraphNetwork network = preset.build(input, 10, cpu, 1);
            Tensor out = network.forward(cpu.zeros(input.withBatch(2)), false);
            assertEquals(Shape.of(2, 10), out.shape(), preset.id() + " on " + input);
            assertEquals(preset.graphConfig(input, 10).parameterCount(),
                    network.parameters().values().stream().mapToLong(p -> p.shape().size()).sum());
        }
    }

    @Test
    void resnetSmallHasSkipConnectionsAndIsNoChain() {
        GraphConfig graph = Preset.RESNET_SMALL.graphConfig(Shape.of(1, 28, 28), 10);
        assertEquals(java.util.List.of("stem_relu", "block1_bn2"), graph.node("block1_add").inputs());
        assertEquals(java.util.List.of("block2_project_bn", "block2_bn2"), graph.node("block2_add").inputs());
        assertEquals(Shape.of(64, 7, 7), graph.shapes().get("block3_relu2"));
        assertFalse(Preset.RESNET_SMALL.sequential());
        var e = assertThrows(IllegalArgumentException.class, () -> Preset.RESNET_SMALL.config(Shape.of(1, 28, 28), 10));
        assertTrue(e.getMessage().contains("graph network"), e.getMessage());
        assertTrue(Preset.VGG_SMALL.build(Shape.of(1, 28, 28), 10, cpu, 1) instanceof Sequential);
    }
}
