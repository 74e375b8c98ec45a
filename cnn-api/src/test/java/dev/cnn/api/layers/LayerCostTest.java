package dev.cnn.api.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cnn.api.layer.LayerCost;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphConfig;
import dev.cnn.api.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a forward pass of each layer costs, from shapes alone: multiply-adds per image and kernel calls per pass. */
class LayerCostTest {

    @Test
    void convolutionsCountEveryMultiplyAddOfTheirWindows() {
        // 4 filters of 2 channels x 3x3 over a 6x5 output: 4*6*5 values of 18 multiply-adds
        assertEquals(new LayerCost(4 * 6 * 5 * 18, 1), Conv2D.of(4, 3).cost(Shape.of(2, 8, 7)));
        // 6 filters in 3 groups see 1 channel each: 6*5*4 values of 9, and five kernel calls a group
        assertEquals(new LayerCost(6 * 5 * 4 * 9, 15), GroupedConv2D.of(6, 3, 3).withPadding(1).cost(Shape.of(3, 5, 4)));
        assertEquals(new LayerCost(4 * 3 * 3 * 9, 1), DepthwiseConv2D.of(3).withDepthMultiplier(2).cost(Shape.of(2, 5, 5)));
        // depthwise 2 maps of 3x3 then 8 filters over them, in two calls
        assertEquals(new LayerCost(2 * 3 * 4 * 9 + 8 * 3 * 4 * 2, 2), SeparableConv2D.of(8, 3).cost(Shape.of(2, 5, 6)));
    }

    @Test
    void denseLayersAndPoolingCountTheirInputsPerOutput() {
        assertEquals(new LayerCost(7 * 5, 1), Dense.of(7).cost(Shape.of(5)));
        assertEquals(new LayerCost(2 * 3 * 3 * 4, 1), MaxPool2D.of(2).cost(Shape.of(2, 6, 6)));
        assertEquals(new LayerCost(2 * 3 * 3 * 4, 1), AvgPool2D.of(2).cost(Shape.of(2, 6, 6)));
        assertEquals(new LayerCost(3 * 4 * 5, 1), new GlobalAvgPool2D().cost(Shape.of(3, 4, 5)));
        assertEquals(new LayerCost(2 * 3 * 3, 1), new ReLU().cost(Shape.of(2, 3, 3)));
        assertEquals(new LayerCost(6, 1), new Add().cost(List.of(Shape.of(6), Shape.of(6))));
    }

    @Test
    void aGraphCostsWhatItsNodesCostTogetherASharedLayerAtEachNode() {
        GraphConfig graph = new GraphBuilder().addInput("x", 5).add("a", Dense.of(7), "x").addShared("b", "a", "x")
                .add("sum", new Add(), "a", "b").setOutputs("sum").config();
        assertEquals(new LayerCost(35 + 35 + 7, 3), graph.cost());
    }

    @Test
    void aCostThatDoesNotFitALongIsAnArithmeticException() {
        var layer = new Conv2D(Integer.MAX_VALUE, 1000, 1000, 1, 1, 1000, 1000, false, null);
        assertThrows(ArithmeticException.class, () -> layer.cost(Shape.of(Integer.MAX_VALUE, 1000, 1000)));
        assertThrows(ArithmeticException.class, () -> new LayerCost(Long.MAX_VALUE, 1).plus(new LayerCost(1, 1)));
    }
}
