package dev.cnn.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.layer.LayerCost;
import dev.cnn.api.model.ModelLimits;
import dev.cnn.api.network.GraphConfig;
import dev.cnn.api.tensor.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every preset, on 28x28 grey images and on 224x224 colour ones, is far inside the limits a model file is loaded
 * under ({@link ModelLimits#DEFAULT}): a fiftieth of the multiply-adds per image, a thousandth of the kernel calls and
 * of the nodes, and within the parameters and activations.
 */
class PresetLimitsTest {
    private static final ModelLimits LIMITS = ModelLimits.DEFAULT;

    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyPresetLoadsWellInsideTheModelLimits(Preset preset) {
        for (Shape input : new Shape[] {Shape.of(1, 28, 28), Shape.of(3, 224, 224)}) {
            GraphConfig graph = preset.tagged() ? preset.graphConfig(input, 10, 5) : preset.graphConfig(input, 10);
            LayerCost cost = graph.cost();
            String what = preset.id() + " on " + input + ": " + cost + ", " + graph.nodes().size() + " nodes";
            assertTrue(cost.multiplyAdds() <= LIMITS.maxMultiplyAddsPerImage() / 50, what);
            assertTrue(cost.kernelCalls() <= LIMITS.maxKernelCallsPerPass() / 1000, what);
            assertTrue(graph.nodes().size() <= LIMITS.maxNodes() / 1000, what);
            assertTrue(graph.parameterCount() <= LIMITS.maxParameters(), what);
            assertTrue(graph.activationsPerImage() <= LIMITS.maxActivationsPerImage(), what);
        }
    }
}
