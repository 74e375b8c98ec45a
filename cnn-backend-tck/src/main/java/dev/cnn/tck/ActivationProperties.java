package dev.cnn.tck;

import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;

/**
 * Element-wise activations and their gradients. Small-integer cases put exact zeros at the kinks
 * of relu and leaky relu; wide cases (up to 100 in magnitude) catch overflow in softplus.
 */
public interface ActivationProperties extends KitBackends {

    /** Selection: exact. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("relu")
    default void reluAgrees(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        Trial trial = trial("relu", c);
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        trial.assertAgree(Tolerance.EXACT, referenceBackend().relu(x.reference()), backendUnderTest().relu(x.underTest()));
    }

    /** Selection: exact, and 0 where x is exactly 0. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("reluBackward")
    default void reluBackwardAgrees(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        Trial trial = trial("reluBackward", c);
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        Twin dy = trial.input(ValueKind.UNIT, c.seed() + 1L, c.shape());
        trial.assertAgree(Tolerance.EXACT, referenceBackend().reluBackward(x.reference(), dy.reference()),
                backendUnderTest().reluBackward(x.underTest(), dy.underTest()));
    }

    /** One multiplication at most: exact. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("leakyRelu")
    default void leakyReluAgrees(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c,
                                 @ForAll @FloatRange(min = 0.0f, max = 0.5f) float alpha) {
        Trial trial = trial("leakyRelu", c + ", alpha " + alpha);
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        trial.assertAgree(Tolerance.EXACT, referenceBackend().leakyRelu(x.reference(), alpha),
                backendUnderTest().leakyRelu(x.underTest(), alpha));
    }

    /** One multiplication at most: exact, and {@code alpha * dy} where x is exactly 0. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("leakyReluBackward")
    default void leakyReluBackwardAgrees(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c,
                                         @ForAll @FloatRange(min = 0.0f, max = 0.5f) float alpha) {
        Trial trial = trial("leakyReluBackward", c + ", alpha " + alpha);
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        Twin dy = trial.input(ValueKind.UNIT, c.seed() + 1L, c.shape());
        trial.assertAgree(Tolerance.EXACT, referenceBackend().leakyReluBackward(x.reference(), dy.reference(), alpha),
                backendUnderTest().leakyReluBackward(x.underTest(), dy.underTest(), alpha));
    }

    /** exp and a division: a few ulps. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("sigmoid")
    default void sigmoidAgrees(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        Trial trial = trial("sigmoid", c);
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        trial.assertAgree(Tolerance.of(1e-6, 1e-5), referenceBackend().sigmoid(x.reference()),
                backendUnderTest().sigmoid(x.underTest()));
    }

    /** Given the reference's sigmoid output: two multiplications and a subtraction. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("sigmoidBackward")
    default void sigmoidBackwardAgrees(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        Trial trial = trial("sigmoidBackward", c);
        Twin y = trial.input(referenceBackend().sigmoid(referenceBackend().tensor(
                c.values().draw(c.seed(), c.shape().size()), c.shape())).toArray(), c.shape());
        Twin dy = trial.input(ValueKind.UNIT, c.seed() + 1L, c.shape());
        trial.assertAgree(Tolerance.of(1e-7, 1e-5), referenceBackend().sigmoidBackward(y.reference(), dy.reference()),
                backendUnderTest().sigmoidBackward(y.underTest(), dy.underTest()));
    }

    /** A few ulps. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("tanh")
    default void tanhAgrees(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        Trial trial = trial("tanh", c);
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        trial.assertAgree(Tolerance.of(1e-6, 1e-5), referenceBackend().tanh(x.reference()),
                backendUnderTest().tanh(x.underTest()));
    }

    /** Given the reference's tanh output: two multiplications and a subtraction. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("tanhBackward")
    default void tanhBackwardAgrees(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        Trial trial = trial("tanhBackward", c);
        Twin y = trial.input(referenceBackend().tanh(referenceBackend().tensor(
                c.values().draw(c.seed(), c.shape().size()), c.shape())).toArray(), c.shape());
        Twin dy = trial.input(ValueKind.UNIT, c.seed() + 1L, c.shape());
        trial.assertAgree(Tolerance.of(1e-6, 1e-5), referenceBackend().tanhBackward(y.reference(), dy.reference()),
                backendUnderTest().tanhBackward(y.underTest(), dy.underTest()));
    }

    /** exp and log: a few ulps; finite for inputs up to 100. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("softplus")
    default void softplusAgrees(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        Trial trial = trial("softplus", c);
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        trial.assertAgree(Tolerance.of(1e-6, 1e-5), referenceBackend().softplus(x.reference()),
                backendUnderTest().softplus(x.underTest()));
    }
}
