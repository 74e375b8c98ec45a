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
    @EnumSource(value = Preset.class, names = "TAGGER", mode = EnumSource.Mode.EXCLUDE)
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

    @Test
    void theTaggerHasAClassHeadAndATagHeadOnOneTrunk() {
        Shape input = Shape.of(3, 48, 48);
        GraphNetwork network = Preset.TAGGER.build(input, 6, 17, cpu, 1);
        assertEquals(java.util.List.of("class", "tags"), network.outputNames());
        var out = network.forward(java.util.Map.of("image", cpu.zeros(input.withBatch(2))), false);
        assertEquals(Shape.of(2, 6), out.get("class").shape());
        assertEquals(Shape.of(2, 17), out.get("tags").shape());
        GraphConfig graph = Preset.TAGGER.graphConfig(input, 6, 17);
        assertEquals(java.util.List.of("pool"), graph.node("class").inputs());
        assertEquals(java.util.List.of("pool"), graph.node("tags").inputs());
        assertEquals(Shape.of(128, 6, 6), graph.shapes().get("block4_relu"));

        var heads = Preset.TAGGER.heads(java.util.List.of("a", "b", "c", "d", "e", "f"),
                java.util.stream.IntStream.range(0, 17).mapToObj(i -> "t" + i).toList());
        assertEquals(dev.cnn.api.loss.Loss.SOFTMAX_CROSS_ENTROPY, heads.get(0).loss());
        assertEquals("class", heads.get(0).name());
        assertEquals(dev.cnn.api.loss.Loss.SIGMOID_BINARY_CROSS_ENTROPY, heads.get(1).loss());
        assertEquals("tags", heads.get(1).name());
        assertEquals(17, heads.get(1).labels().size());
        assertTrue(Preset.TAGGER.tagged());
        assertFalse(Preset.TAGGER.sequential());
    }

    @Test
    void theTaggerAsksForTheTagCountAndTheOthersRefuseTags() {
        var e = assertThrows(IllegalArgumentException.class, () -> Preset.TAGGER.graphConfig(Shape.of(3, 48, 48), 6));
        assertTrue(e.getMessage().contains("needs the number of tags"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Preset.TAGGER.graphConfig(Shape.of(3, 48, 48), 6, 0));
        assertTrue(e.getMessage().contains("at least 1 tag"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Preset.CONV_20_40.graphConfig(Shape.of(1, 28, 28), 10, 5));
        assertTrue(e.getMessage().contains("no tag head"), e.getMessage());
        assertFalse(Preset.CONV_20_40.tagged());
        var heads = Preset.CONV_20_40.heads(java.util.List.of("x", "y"), java.util.List.of("ignored"));
        assertEquals(1, heads.size());
        assertEquals(Preset.CONV_20_40.graphConfig(Shape.of(1, 28, 28), 2).outputs().get(0), heads.get(0).name());
    }
}
