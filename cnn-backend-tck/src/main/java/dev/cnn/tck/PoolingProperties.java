package dev.cnn.tck;

import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;

/**
 * Max and average pooling, forward and backward, with padding. Half the cases are small integers,
 * so the tie rule of max-pooling (first maximum in row-major order) and "padding never wins" (with
 * negative values) are exercised.
 */
public interface PoolingProperties extends KitBackends {

    /** Selecting a value is exact. */
    @Property(tries = KitTries.POOLING)
    @ChecksKernel("maxPool2d")
    default void maxPool2dAgrees(@ForAll @From(supplier = PoolCase.Supplier.class) PoolCase c) {
        Trial trial = trial("maxPool2d", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        trial.assertAgree(Tolerance.EXACT, referenceBackend().maxPool2d(input.reference(), c.geometry()),
                backendUnderTest().maxPool2d(input.underTest(), c.geometry()));
    }

    /** Routing is exact; overlapping windows add up to 9 gradients, in any order. */
    @Property(tries = KitTries.POOLING)
    @ChecksKernel("maxPool2dBackward")
    default void maxPool2dBackwardAgrees(@ForAll @From(supplier = PoolCase.Supplier.class) PoolCase c) {
        Trial trial = trial("maxPool2dBackward", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        Twin outputGradient = trial.input(ValueKind.UNIT, c.seed() + 1L, c.outputShape());
        trial.assertAgree(Tolerance.of(1e-6, 1e-6),
                referenceBackend().maxPool2dBackward(input.reference(), outputGradient.reference(), c.geometry()),
                backendUnderTest().maxPool2dBackward(input.underTest(), outputGradient.underTest(), c.geometry()));
    }

    /** Means of at most 25 values; the divisor counts only positions inside the input. */
    @Property(tries = KitTries.POOLING)
    @ChecksKernel("avgPool2d")
    default void avgPool2dAgrees(@ForAll @From(supplier = PoolCase.Supplier.class) PoolCase c) {
        Trial trial = trial("avgPool2d", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        trial.assertAgree(Tolerance.of(1e-6, 1e-5), referenceBackend().avgPool2d(input.reference(), c.geometry()),
                backendUnderTest().avgPool2d(input.underTest(), c.geometry()));
    }

    /** Each input gradient adds at most 9 shares of output gradients. */
    @Property(tries = KitTries.POOLING)
    @ChecksKernel("avgPool2dBackward")
    default void avgPool2dBackwardAgrees(@ForAll @From(supplier = PoolCase.Supplier.class) PoolCase c) {
        Trial trial = trial("avgPool2dBackward", c);
        Twin outputGradient = trial.input(c.values(), c.seed() + 1L, c.outputShape());
        trial.assertAgree(Tolerance.of(1e-6, 1e-5),
                referenceBackend().avgPool2dBackward(outputGradient.reference(), c.geometry(), c.inputShape()),
                backendUnderTest().avgPool2dBackward(outputGradient.underTest(), c.geometry(), c.inputShape()));
    }
}
