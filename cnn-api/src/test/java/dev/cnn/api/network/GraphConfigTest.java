package dev.cnn.api.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.layer.LayerTypes;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.layers.Add;
import dev.cnn.api.layers.Concatenate;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shape inference and the build-time errors of graphs, without a backend. */
class GraphConfigTest {

    private static GraphBuilder residual() {
        return new GraphBuilder().addInput("image", 1, 12, 12)
                .add("stem", Conv2D.of(4, 3).withPadding(1), "image")
                .add("conv_a", Conv2D.of(4, 3).withPadding(1), "stem")
                .add("relu_a", new ReLU(), "conv_a")
                .add("sum", new Add(), "stem", "relu_a")
                .add("side", Conv2D.of(2, 1), "stem")
                .add("joined", new Concatenate(), "sum", "side")
                .add("pool", MaxPool2D.of(2), "joined")
                .add("flat", new Flatten(), "pool")
                .add("logits", Dense.of(10), "flat");
    }

    @Test
    void shapesAreInferredThroughMergesAndParametersCountedFromShapes() {
        GraphConfig graph = residual().config();
        assertEquals(Shape.of(4, 12, 12), graph.shapes().get("sum"));
        assertEquals(Shape.of(6, 12, 12), graph.shapes().get("joined"));
        assertEquals(Shape.of(10), graph.outputShape("logits"));
        assertEquals(List.of("logits"), graph.outputs());
        long expected = (4 * 9 + 4) + (4 * 4 * 9 + 4) + (2 * 4 + 2) + (6 * 6 * 6 * 10 + 10);
        assertEquals(expected, graph.parameterCount());
    }

    @Test
    void nodesRunAfterTheirInputsEvenWhenDeclaredBefore() {
        GraphConfig graph = new GraphConfig(List.of(new GraphInput("x", Shape.of(3))),
                List.of(NodeConfig.of("out", new Add(), "a", "b"), NodeConfig.of("a", new ReLU(), "x"),
                        NodeConfig.of("b", new ReLU(), "a")), List.of("out"));
        assertEquals(List.of("a", "b", "out"), graph.order());
    }

    @Test
    void aCycleIsRefusedNamingItsNodes() {
        var e = assertThrows(GraphException.class, () -> new GraphConfig(List.of(new GraphInput("x", Shape.of(3))),
                List.of(NodeConfig.of("a", new Add(), "x", "c"), NodeConfig.of("b", new ReLU(), "a"),
                        NodeConfig.of("c", new ReLU(), "b"), NodeConfig.of("out", new ReLU(), "c")), List.of("out")));
        assertTrue(e.getMessage().contains("'a' -> 'b' -> 'c' -> 'a'") && e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void aSelfLoopIsACycle() {
        var e = assertThrows(GraphException.class, () -> new GraphBuilder().addInput("x", 3)
                .add("a", new Add(), "x", "a").config());
        assertTrue(e.getMessage().contains("'a' -> 'a'"), e.getMessage());
    }

    @Test
    void anInputNamingNothingIsRefusedWithTheKnownNames() {
        var e = assertThrows(GraphException.class, () -> new GraphBuilder().addInput("x", 3)
                .add("a", new ReLU(), "y").config());
        assertTrue(e.getMessage().contains("node 'a' takes the input 'y'") && e.getMessage().contains("[x, a]"),
                e.getMessage());
    }

    @Test
    void anUnconnectedInputOrDeadNodeIsRefusedByName() {
        var unusedInput = assertThrows(GraphException.class, () -> new GraphBuilder().addInput("x", 3).addInput("extra", 3)
                .add("a", new ReLU(), "x").config());
        assertTrue(unusedInput.getMessage().contains("input 'extra' leads to no output"), unusedInput.getMessage());
        var deadNode = assertThrows(GraphException.class, () -> new GraphBuilder().addInput("x", 3)
                .add("dead", new ReLU(), "x").add("a", new ReLU(), "x").setOutputs("a").config());
        assertTrue(deadNode.getMessage().contains("node 'dead' leads to no output [a]"), deadNode.getMessage());
    }

    @Test
    void namesMustBeUniqueAndWellFormed() {
        var twice = assertThrows(GraphException.class, () -> new GraphBuilder().addInput("x", 3)
                .add("a", new ReLU(), "x").add("a", new ReLU(), "a").config());
        assertTrue(twice.getMessage().contains("'a' is used twice"), twice.getMessage());
        var dotted = assertThrows(GraphException.class, () -> new GraphBuilder().addInput("x", 3)
                .add("conv.1", new ReLU(), "x").config());
        assertTrue(dotted.getMessage().contains("'conv.1' is not allowed"), dotted.getMessage());
    }

    @Test
    void aShapeMismatchNamesTheNodeAndBothShapes() {
        var e = assertThrows(ShapeMismatchException.class, () -> new GraphBuilder().addInput("x", 1, 8, 8)
                .add("a", Conv2D.of(4, 3), "x").add("b", Conv2D.of(4, 1), "x")
                .add("sum", new Add(), "a", "b").config());
        assertTrue(e.getMessage().contains("node 'sum' (add)") && e.getMessage().contains("[4, 6, 6] from 'a'")
                && e.getMessage().contains("[4, 8, 8] from 'b'"), e.getMessage());
        var one = assertThrows(ShapeMismatchException.class, () -> new GraphBuilder().addInput("x", 3)
                .add("sum", new Add(), "x").config());
        assertTrue(one.getMessage().contains("add needs at least 2 inputs"), one.getMessage());
        var many = assertThrows(ShapeMismatchException.class, () -> new GraphBuilder().addInput("x", 3)
                .add("r", new ReLU(), "x", "x").config());
        assertTrue(many.getMessage().contains("relu takes one input, got 2"), many.getMessage());
    }

    @Test
    void aSharedNodeNeedsAnOwnerWithALayer() {
        var e = assertThrows(GraphException.class, () -> new GraphBuilder().addInput("x", 3)
                .addShared("b", "nowhere", "x").config());
        assertTrue(e.getMessage().contains("shares the layer of 'nowhere'"), e.getMessage());
    }

    @Test
    void graphsRoundTripThroughJsonByTypeIds() throws Exception {
        GraphConfig graph = residual().addShared("logits2", "logits", "flat").setOutputs("logits", "logits2").config();
        var mapper = LayerTypes.mapper();
        String json = mapper.writeValueAsString(graph);
        assertFalse(json.contains("dev.cnn"), json);
        assertTrue(json.contains("\"shares\":\"logits\""), json);
        assertEquals(graph, mapper.readValue(json, GraphConfig.class));
    }

    @Test
    void aSequentialConfigIsAChainNamedByTypeAndCount() {
        NetworkConfig chain = new NetworkConfig(Shape.of(1, 8, 8), List.of(Conv2D.of(2, 3), new ReLU(), Conv2D.of(2, 3),
                new ReLU(), new Flatten(), Dense.of(3)));
        assertEquals(List.of("conv2d_1", "relu_1", "conv2d_2", "relu_2", "flatten_1", "dense_1"), chain.nodeNames());
        GraphConfig graph = chain.toGraph();
        assertEquals(List.of("input"), graph.node("conv2d_1").inputs());
        assertEquals(List.of("dense_1"), graph.outputs());
        assertEquals(chain.parameterCount(), graph.parameterCount());
        assertEquals(chain.activationsPerImage(), graph.activationsPerImage());
    }
}
