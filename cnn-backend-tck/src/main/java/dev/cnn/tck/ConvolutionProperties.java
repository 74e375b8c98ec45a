package dev.cnn.tck;

import dev.cnn.api.tensor.Shape;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;

/** Convolution forward, backward to the input, backward to the filter. */
public interface ConvolutionProperties extends KitBackends {

    /** Each output sums at most 8 * 5 * 5 = 200 products of values in [-1, 1] or small integers. */
    @Property(tries = KitTries.CONVOLUTION)
    @ChecksKernel("conv2d")
    default void conv2dAgrees(@ForAll @From(supplier = ConvCase.Supplier.class) ConvCase c) {
        Trial trial = trial("conv2d", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        Twin filter = trial.input(c.values(), c.seed() + 1L, c.filterShape());
        trial.assertAgree(Tolerance.of(1e-4, 1e-5),
                referenceBackend().conv2d(input.reference(), filter.reference(), c.geometry()),
                backendUnderTest().conv2d(input.underTest(), filter.underTest(), c.geometry()));
    }

    /** The fused kernel agrees with the reference's conv2d followed by its addPerChannel. */
    @Property(tries = KitTries.CONVOLUTION)
    @ChecksKernel("conv2dWithBias")
    default void conv2dWithBiasAgrees(@ForAll @From(supplier = ConvCase.Supplier.class) ConvCase c) {
        Trial trial = trial("conv2dWithBias", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        Twin filter = trial.input(c.values(), c.seed() + 1L, c.filterShape());
        Twin bias = trial.input(c.values(), c.seed() + 3L, Shape.of(c.filters()));
        trial.assertAgree(Tolerance.of(1e-4, 1e-5),
                referenceBackend().addPerChannel(referenceBackend().conv2d(input.reference(), filter.reference(),
                        c.geometry()), bias.reference()),
                backendUnderTest().conv2dWithBias(input.underTest(), filter.underTest(), bias.underTest(), c.geometry()));
    }

    /** Each input gradient sums at most 8 * 5 * 5 = 200 products. */
    @Property(tries = KitTries.CONVOLUTION)
    @ChecksKernel("conv2dBackwardData")
    default void conv2dBackwardDataAgrees(@ForAll @From(supplier = ConvCase.Supplier.class) ConvCase c) {
        Trial trial = trial("conv2dBackwardData", c);
        Twin outputGradient = trial.input(c.values(), c.seed() + 2L, c.outputShape());
        Twin filter = trial.input(c.values(), c.seed() + 1L, c.filterShape());
        trial.assertAgree(Tolerance.of(1e-4, 1e-5),
                referenceBackend().conv2dBackwardData(outputGradient.reference(), filter.reference(),
                        c.geometry(), c.inputShape()),
                backendUnderTest().conv2dBackwardData(outputGradient.underTest(), filter.underTest(),
                        c.geometry(), c.inputShape()));
    }

    /** Each filter gradient sums up to N * Ho * Wo = 8 * 20 * 20 = 3200 products: a looser bound. */
    @Property(tries = KitTries.CONVOLUTION)
    @ChecksKernel("conv2dBackwardFilter")
    default void conv2dBackwardFilterAgrees(@ForAll @From(supplier = ConvCase.Supplier.class) ConvCase c) {
        Trial trial = trial("conv2dBackwardFilter", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        Twin outputGradient = trial.input(c.values(), c.seed() + 2L, c.outputShape());
        trial.assertAgree(Tolerance.of(1e-3, 1e-5),
                referenceBackend().conv2dBackwardFilter(input.reference(), outputGradient.reference(),
                        c.geometry(), c.filterShape()),
                backendUnderTest().conv2dBackwardFilter(input.underTest(), outputGradient.underTest(),
                        c.geometry(), c.filterShape()));
    }

    /** The fused backward must agree with the reference on both gradients, with their tolerances. */
    @Property(tries = KitTries.CONVOLUTION)
    @ChecksKernel("conv2dBackward")
    default void conv2dBackwardAgrees(@ForAll @From(supplier = ConvCase.Supplier.class) ConvCase c) {
        Trial trial = trial("conv2dBackward", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        Twin filter = trial.input(c.values(), c.seed() + 1L, c.filterShape());
        Twin outputGradient = trial.input(c.values(), c.seed() + 2L, c.outputShape());
        var expected = referenceBackend().conv2dBackward(input.reference(), filter.reference(), outputGradient.reference(), c.geometry());
        var actual = backendUnderTest().conv2dBackward(input.underTest(), filter.underTest(), outputGradient.underTest(), c.geometry());
        trial.assertAgree(Tolerance.of(1e-4, 1e-5), expected.input(), actual.input());
        trial.assertAgree(Tolerance.of(1e-3, 1e-5), expected.filter(), actual.filter());
    }
}
