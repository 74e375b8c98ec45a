package dev.cnn.backend.cpu.network;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.check.GradientCheck;
import dev.cnn.api.check.GradientCheckResult;
import dev.cnn.api.layers.Add;
import dev.cnn.api.layers.BatchNorm;
import dev.cnn.api.layers.Concatenate;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.Tanh;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphConfig;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference checks of whole graphs: merges, a residual block, a node feeding two others, and a layer shared
 * by two nodes (whose gradients must add up). Smooth activations keep the differences away from kinks.
 */
class GraphGradientTest {
    private final Backend cpu = Backends.select("cpu");
    private final GradientCheck check = GradientCheck.forFloat32();

    private void assertPasses(GraphConfig graph) {
        GradientCheckResult result = check.checkNetwork(graph, 3, true, cpu, 5);
        assertTrue(result.passed(), result::toString);
    }

    @Test
    void addOfThreeInputs() {
        assertPasses(new GraphBuilder().addInput("a", 2, 3, 3).addInput("b", 2, 3, 3).addInput("c", 2, 3, 3)
                .add("sum", new Add(), "a", "b", "c").config());
    }

    @Test
    void concatenateOfImagesAndOfVectors() {
        assertPasses(new GraphBuilder().addInput("a", 1, 4, 4).addInput("b", 3, 4, 4)
                .add("joined", new Concatenate(), "a", "b").add("t", new Tanh(), "joined").config());
        assertPasses(new GraphBuilder().addInput("a", 5).addInput("b", 2)
                .add("joined", new Concatenate(), "b", "a").add("dense", Dense.of(3), "joined").config());
    }

    @Test
    void residualBlock() {
        assertPasses(new GraphBuilder().addInput("image", 1, 6, 6)
                .add("stem", Conv2D.of(3, 3).withPadding(1), "image")
                .add("conv_a", Conv2D.of(3, 3).withPadding(1), "stem")
                .add("bn_a", BatchNorm.of(), "conv_a")
                .add("tanh_a", new Tanh(), "bn_a")
                .add("conv_b", Conv2D.of(3, 3).withPadding(1), "tanh_a")
                .add("sum", new Add(), "stem", "conv_b")
                .add("out", new Tanh(), "sum")
                .add("flat", new Flatten(), "out")
                .add("logits", Dense.of(4), "flat").config());
    }

    @Test
    void aNodeFeedingTwoOthersAndTwoOutputs() {
        assertPasses(new GraphBuilder().addInput("x", 6)
                .add("hidden", Dense.of(5), "x")
                .add("t", new Tanh(), "hidden")
                .add("class_head", Dense.of(3), "t")
                .add("tag_head", Dense.of(2), "t")
                .add("skip", Dense.of(2), "hidden")
                .add("tags", new Add(), "tag_head", "skip")
                .setOutputs("class_head", "tags").config());
    }

    @Test
    void aLayerSharedByTwoNodesGetsBothGradients() {
        assertPasses(new GraphBuilder().addInput("left", 4).addInput("right", 4)
                .add("encode", Dense.of(3), "left")
                .addShared("encode_right", "encode", "right")
                .add("t_left", new Tanh(), "encode")
                .add("t_right", new Tanh(), "encode_right")
                .add("sum", new Add(), "t_left", "t_right")
                .add("out", Dense.of(2), "sum").config());
    }

    @Test
    void aGraphWithAWrongMergeGradientIsCaught() {
        GraphConfig graph = new GraphBuilder().addInput("a", 3).addInput("b", 3)
                .add("sum", new HalfGradientAdd(), "a", "b").config();
        assertFalse(check.checkNetwork(graph, 2, true, cpu, 1).passed(), "a merge whose backward halves one input's"
                + " gradient must fail the check");
    }
}
