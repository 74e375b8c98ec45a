package dev.cnn.tck;

import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;

/** Depthwise convolution (with depth multiplier and dilation) forward, backward to the input, backward to the filter. */
public interface DepthwiseProperties extends KitBackends {

    /** Each output sums at most 5 * 5 = 25 products of values in [-1, 1] or small integers. */
    @Property(tries = KitTries.CONVOLUTION)
    @ChecksKernel("depthwiseConv2d")
    default void depthwiseConv2dAgrees(@ForAll @From(supplier = DepthwiseCase.Supplier.class) DepthwiseCase c) {
        Trial trial = trial("depthwiseConv2d", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        Twin filter = trial.input(c.values(), c.seed() + 1L, c.filterShape());
        trial.assertAgree(Tolerance.of(1e-4, 1e-5),
                referenceBackend().depthwiseConv2d(input.reference(), filter.reference(), c.geometry()),
                backendUnderTest().depthwiseConv2d(input.underTest(), filter.underTest(), c.geometry()));
    }

    /** Each input gradient sums at most 3 * 5 * 5 = 75 products. */
    @Property(tries = KitTries.CONVOLUTION)
    @ChecksKernel("depthwiseConv2dBackwardData")
    default void depthwiseConv2dBackwardDataAgrees(@ForAll @From(supplier = DepthwiseCase.Supplier.class) DepthwiseCase c) {
        Trial trial = trial("depthwiseConv2dBackwardData", c);
        Twin outputGradient = trial.input(c.values(), c.seed() + 2L, c.outputShape());
        Twin filter = trial.input(c.values(), c.seed() + 1L, c.filterShape());
        trial.assertAgree(Tolerance.of(1e-4, 1e-5),
                referenceBackend().depthwiseConv2dBackwardData(outputGradient.reference(), filter.reference(),
                        c.geometry(), c.inputShape()),
                backendUnderTest().depthwiseConv2dBackwardData(outputGradient.underTest(), filter.underTest(),
                        c.geometry(), c.inputShape()));
    }

    /** Each filter gradient sums up to N * Ho * Wo = 6 * 18 * 18 products: a looser bound. */
    @Property(tries = KitTries.CONVOLUTION)
    @ChecksKernel("depthwiseConv2dBackwardFilter")
    default void depthwiseConv2dBackwardFilterAgrees(@ForAll @From(supplier = DepthwiseCase.Supplier.class) DepthwiseCase c) {
        Trial trial = trial("depthwiseConv2dBackwardFilter", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        Twin outputGradient = trial.input(c.values(), c.seed() + 2L, c.outputShape());
        trial.assertAgree(Tolerance.of(1e-3, 1e-5),
                referenceBackend().depthwiseConv2dBackwardFilter(input.reference(), outputGradient.reference(),
                        c.geometry(), c.filterShape()),
                backendUnderTest().depthwiseConv2dBackwardFilter(input.underTest(), outputGradient.underTest(),
                        c.geometry(), c.filterShape()));
    }
}
