package dev.cnn.api.layer;

import dev.cnn.api.tensor.Shape;

/**
 * What one forward pass of a layer costs, computed from shapes alone (see {@link LayerConfig#cost(Shape)}): a model
 * file's network is checked against {@link dev.cnn.api.model.ModelLimits} by it before it is built, so that a small file
 * cannot make predicting one image take minutes.
 *
 * @param multiplyAdds the multiply-adds (or comparable operations on one value) for one image
 * @param kernelCalls  the backend kernels one pass calls, whatever the batch size: each costs a fixed time (microseconds
 *                     on {@code cpu}, a third of a millisecond on {@code nd4j}) however little it computes
 */
public record LayerCost(long multiplyAdds, long kernelCalls) {
    /** Nothing: the cost of a graph before its first node. */
    public static final LayerCost NONE = new LayerCost(0, 0);

    /** Checks that both are not negative. */
    public LayerCost {
        if (multiplyAdds < 0 || kernelCalls < 0) {
            throw new IllegalArgumentException("a cost cannot be negative, got " + multiplyAdds + " multiply-adds and "
                    + kernelCalls + " kernel calls");
        }
    }

    /** One operation per value of {@code output} and one kernel call: what an element-wise layer costs. */
    public static LayerCost perValue(Shape output) {
        return new LayerCost(product(output.dims()), 1);
    }

    /** {@code work} operations for each value of {@code output}, in one kernel call. */
    public static LayerCost perValue(Shape output, long work) {
        return new LayerCost(Math.multiplyExact(product(output.dims()), work), 1);
    }

    /**
     * The product of {@code factors}.
     *
     * @throws ArithmeticException when it does not fit a long
     */
    public static long product(int... factors) {
        long product = 1;
        for (int factor : factors) {
            product = Math.multiplyExact(product, factor);
        }
        return product;
    }

    /**
     * Both costs added.
     *
     * @throws ArithmeticException when a sum does not fit a long
     */
    public LayerCost plus(LayerCost other) {
        return new LayerCost(Math.addExact(multiplyAdds, other.multiplyAdds), Math.addExact(kernelCalls, other.kernelCalls));
    }

    /** This cost with {@code calls} kernel calls instead. */
    public LayerCost withKernelCalls(long calls) {
        return new LayerCost(multiplyAdds, calls);
    }
}
