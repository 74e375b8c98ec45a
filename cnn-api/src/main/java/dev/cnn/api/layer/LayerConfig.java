package dev.cnn.api.layer;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.tensor.Shape;
import java.util.List;
import java.util.Random;

/**
 * The serializable description of a layer: its hyper-parameters, never its weights. Written to JSON
 * with a logical type id (for example {@code "conv2d"}) registered through {@link LayerTypeProvider},
 * never a Java class name.
 *
 * <p>Shapes here are per image, without the batch dimension: {@code [C, H, W]} or {@code [F]}.
 *
 * <p>A layer with several inputs overrides {@link #outputShape(List)} and {@link #build(List, Backend, Random)},
 * which are what a graph network calls; the defaults take exactly one input.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface LayerConfig {

    /**
     * The shape this layer produces from {@code input}.
     *
     * @throws ShapeMismatchException when the layer cannot take that input
     */
    Shape outputShape(Shape input);

    /**
     * Makes the runtime layer for {@code input} on {@code backend}, initialising its parameters from
     * {@code random}.
     */
    Layer build(Shape input, Backend backend, Random random);

    /**
     * How many numbers the layer built for {@code input} holds as parameters (learned weights and running statistics),
     * computed from the shapes alone, without building it. Model files are checked against it before anything is
     * allocated, so a layer with parameters must override this (the default is for layers without any).
     */
    default long parameterCount(Shape input) {
        return 0;
    }

    /**
     * {@link #parameterCount(Shape)} for the inputs a node gives the layer; the default is that for one input, and 0 for
     * several (a layer with several inputs and parameters overrides it).
     */
    default long parameterCount(List<Shape> inputs) {
        return inputs.size() == 1 ? parameterCount(inputs.get(0)) : 0;
    }

    /**
     * What one forward pass of the layer built for {@code input} costs, from the shapes alone, without building it:
     * model files are checked against {@link dev.cnn.api.model.ModelLimits} by it before anything is built. The default
     * is one operation per output value in one kernel call, what an element-wise layer costs; a layer that does more per
     * value (a convolution, a dense layer, pooling) or calls kernels in a loop (a grouped convolution) overrides it.
     *
     * @throws ShapeMismatchException when the layer cannot take that input
     * @throws ArithmeticException    when a count does not fit a long
     */
    default LayerCost cost(Shape input) {
        return LayerCost.perValue(outputShape(input));
    }

    /**
     * {@link #cost(Shape)} for the inputs a node gives the layer; the default is that for one input, and one operation
     * per output value in one kernel call for several (a layer with several inputs that does more overrides it).
     */
    default LayerCost cost(List<Shape> inputs) {
        return inputs.size() == 1 ? cost(inputs.get(0)) : LayerCost.perValue(outputShape(inputs));
    }

    /**
     * The shape this layer produces from its inputs, in the order a node lists them. The default requires one.
     *
     * @throws ShapeMismatchException when the layer cannot take those inputs
     */
    default Shape outputShape(List<Shape> inputs) {
        return outputShape(only(inputs));
    }

    /** Makes the runtime layer for these inputs; the default requires one and calls {@link #build(Shape, Backend, Random)}. */
    default Layer build(List<Shape> inputs, Backend backend, Random random) {
        return build(only(inputs), backend, random);
    }

    private Shape only(List<Shape> inputs) {
        if (inputs.size() != 1) {
            throw new ShapeMismatchException(LayerTypes.idOf(this) + " takes one input, got " + inputs.size() + " "
                    + inputs + "; join several with an add or concatenate node first");
        }
        return inputs.get(0);
    }
}
