package dev.cnn.tck;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.ConvGradients;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;

/**
 * The convolution and pooling kernels that write into a given tensor: each agrees with the reference and gives what
 * its kernel without {@code Into} gives, whatever the given tensor held ({@link ReuseCheck}). The backward kernels
 * that add into their result must clear it first.
 */
public interface SpatialReuseProperties extends KitBackends {

    /** As {@code conv2d}. */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("conv2dInto")
    default void conv2dIntoAgrees(@ForAll @From(supplier = ConvCase.Supplier.class) ConvCase c) {
        Trial trial = trial("conv2dInto", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        Twin filter = trial.input(c.values(), c.seed() + 1L, c.filterShape());
        ReuseCheck.assertReuses(trial, Tolerance.of(1e-4, 1e-5), c.outputShape(),
                k -> k.conv2d(pick(k, input), pick(k, filter), c.geometry()),
                (k, out) -> k.conv2dInto(pick(k, input), pick(k, filter), c.geometry(), out),
                referenceBackend(), backendUnderTest());
    }

    /** As {@code depthwiseConv2d}. */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("depthwiseConv2dInto")
    default void depthwiseConv2dIntoAgrees(@ForAll @From(supplier = DepthwiseCase.Supplier.class) DepthwiseCase c) {
        Trial trial = trial("depthwiseConv2dInto", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        Twin filter = trial.input(c.values(), c.seed() + 1L, c.filterShape());
        ReuseCheck.assertReuses(trial, Tolerance.of(1e-4, 1e-5), c.outputShape(),
                k -> k.depthwiseConv2d(pick(k, input), pick(k, filter), c.geometry()),
                (k, out) -> k.depthwiseConv2dInto(pick(k, input), pick(k, filter), c.geometry(), out),
                referenceBackend(), backendUnderTest());
    }

    /** As {@code depthwiseConv2dBackwardData}. */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("depthwiseConv2dBackwardDataInto")
    default void depthwiseConv2dBackwardDataIntoAgrees(
            @ForAll @From(supplier = DepthwiseCase.Supplier.class) DepthwiseCase c) {
        Trial trial = trial("depthwiseConv2dBackwardDataInto", c);
        Twin outputGradient = trial.input(c.values(), c.seed() + 2L, c.outputShape());
        Twin filter = trial.input(c.values(), c.seed() + 1L, c.filterShape());
        ReuseCheck.assertReuses(trial, Tolerance.of(1e-4, 1e-5), c.inputShape(),
                k -> k.depthwiseConv2dBackwardData(pick(k, outputGradient), pick(k, filter), c.geometry(),
                        c.inputShape()),
                (k, out) -> k.depthwiseConv2dBackwardDataInto(pick(k, outputGradient), pick(k, filter), c.geometry(),
                        c.inputShape(), out),
                referenceBackend(), backendUnderTest());
    }

    /** As {@code conv2dWithBias}. */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("conv2dWithBiasInto")
    default void conv2dWithBiasIntoAgrees(@ForAll @From(supplier = ConvCase.Supplier.class) ConvCase c) {
        Trial trial = trial("conv2dWithBiasInto", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        Twin filter = trial.input(c.values(), c.seed() + 1L, c.filterShape());
        Twin bias = trial.input(c.values(), c.seed() + 3L, Shape.of(c.filters()));
        ReuseCheck.assertReuses(trial, Tolerance.of(1e-4, 1e-5), c.outputShape(),
                k -> k.conv2dWithBias(pick(k, input), pick(k, filter), pick(k, bias), c.geometry()),
                (k, out) -> k.conv2dWithBiasInto(pick(k, input), pick(k, filter), pick(k, bias), c.geometry(), out),
                referenceBackend(), backendUnderTest());
    }

    /** As {@code relu} of {@code conv2dWithBias}. */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("conv2dWithBiasReluInto")
    default void conv2dWithBiasReluIntoAgrees(@ForAll @From(supplier = ConvCase.Supplier.class) ConvCase c) {
        Trial trial = trial("conv2dWithBiasReluInto", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        Twin filter = trial.input(c.values(), c.seed() + 1L, c.filterShape());
        Twin bias = trial.input(c.values(), c.seed() + 3L, Shape.of(c.filters()));
        ReuseCheck.assertReuses(trial, Tolerance.of(1e-4, 1e-5), c.outputShape(),
                k -> k.relu(k.conv2dWithBias(pick(k, input), pick(k, filter), pick(k, bias), c.geometry())),
                (k, out) -> k.conv2dWithBiasReluInto(pick(k, input), pick(k, filter), pick(k, bias), c.geometry(),
                        out),
                referenceBackend(), backendUnderTest());
    }

    /** As {@code conv2dBackwardFilter}. */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("conv2dBackwardFilterInto")
    default void conv2dBackwardFilterIntoAgrees(@ForAll @From(supplier = ConvCase.Supplier.class) ConvCase c) {
        Trial trial = trial("conv2dBackwardFilterInto", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        Twin outputGradient = trial.input(c.values(), c.seed() + 2L, c.outputShape());
        ReuseCheck.assertReuses(trial, Tolerance.of(1e-3, 1e-5), c.filterShape(),
                k -> k.conv2dBackwardFilter(pick(k, input), pick(k, outputGradient), c.geometry(), c.filterShape()),
                (k, out) -> k.conv2dBackwardFilterInto(pick(k, input), pick(k, outputGradient), c.geometry(),
                        c.filterShape(), out),
                referenceBackend(), backendUnderTest());
    }

    /** As {@code conv2dBackward}, each gradient on its own; the other is given garbage to write into. */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("conv2dBackwardInto")
    default void conv2dBackwardIntoAgrees(@ForAll @From(supplier = ConvCase.Supplier.class) ConvCase c) {
        Trial trial = trial("conv2dBackwardInto", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        Twin filter = trial.input(c.values(), c.seed() + 1L, c.filterShape());
        Twin outputGradient = trial.input(c.values(), c.seed() + 2L, c.outputShape());
        ReuseCheck.assertReuses(trial, Tolerance.of(1e-4, 1e-5), c.inputShape(),
                k -> k.conv2dBackward(pick(k, input), pick(k, filter), pick(k, outputGradient), c.geometry()).input(),
                (k, out) -> backward(k, input, filter, outputGradient, c, out,
                        ReuseCheck.garbage(k, c.filterShape())).input(),
                referenceBackend(), backendUnderTest());
        ReuseCheck.assertReuses(trial, Tolerance.of(1e-3, 1e-5), c.filterShape(),
                k -> k.conv2dBackward(pick(k, input), pick(k, filter), pick(k, outputGradient), c.geometry()).filter(),
                (k, out) -> backward(k, input, filter, outputGradient, c, ReuseCheck.garbage(k, c.inputShape()),
                        out).filter(),
                referenceBackend(), backendUnderTest());
    }

    private ConvGradients backward(Backend k, Twin input, Twin filter, Twin outputGradient, ConvCase c,
                                   Tensor inputOut, Tensor filterOut) {
        return k.conv2dBackwardInto(pick(k, input), pick(k, filter), pick(k, outputGradient), c.geometry(),
                inputOut, filterOut);
    }

    /** As {@code maxPool2d}: exact. */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("maxPool2dInto")
    default void maxPool2dIntoAgrees(@ForAll @From(supplier = PoolCase.Supplier.class) PoolCase c) {
        Trial trial = trial("maxPool2dInto", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        ReuseCheck.assertReuses(trial, Tolerance.EXACT, c.outputShape(), k -> k.maxPool2d(pick(k, input), c.geometry()),
                (k, out) -> k.maxPool2dInto(pick(k, input), c.geometry(), out), referenceBackend(), backendUnderTest());
    }

    /** As {@code maxPool2dBackward}; positions that are no window's maximum must come out 0 whatever out held. */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("maxPool2dBackwardInto")
    default void maxPool2dBackwardIntoAgrees(@ForAll @From(supplier = PoolCase.Supplier.class) PoolCase c) {
        Trial trial = trial("maxPool2dBackwardInto", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        Twin outputGradient = trial.input(ValueKind.UNIT, c.seed() + 1L, c.outputShape());
        ReuseCheck.assertReuses(trial, Tolerance.of(1e-6, 1e-6), c.inputShape(),
                k -> k.maxPool2dBackward(pick(k, input), pick(k, outputGradient), c.geometry()),
                (k, out) -> k.maxPool2dBackwardInto(pick(k, input), pick(k, outputGradient), c.geometry(), out),
                referenceBackend(), backendUnderTest());
    }

    /**
     * The fused gradient of ReLU then max pooling, against {@code reluBackward} of {@code maxPool2dBackward} on the same
     * ReLU output (each backend's own ReLU of the drawn values, so with zeros and all-zero windows).
     */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("maxPool2dBackwardAfterReluInto")
    default void maxPool2dBackwardAfterReluIntoAgrees(@ForAll @From(supplier = PoolCase.Supplier.class) PoolCase c) {
        Trial trial = trial("maxPool2dBackwardAfterReluInto", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        Twin outputGradient = trial.input(ValueKind.UNIT, c.seed() + 1L, c.outputShape());
        ReuseCheck.assertReuses(trial, Tolerance.of(1e-6, 1e-6), c.inputShape(),
                k -> {
                    Tensor reluOutput = k.relu(pick(k, input));
                    return k.reluBackward(reluOutput, k.maxPool2dBackward(reluOutput, pick(k, outputGradient),
                            c.geometry()));
                },
                (k, out) -> k.maxPool2dBackwardAfterReluInto(k.relu(pick(k, input)), pick(k, outputGradient),
                        c.geometry(), out),
                referenceBackend(), backendUnderTest());
    }

}
