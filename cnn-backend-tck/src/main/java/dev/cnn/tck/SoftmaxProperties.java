package dev.cnn.tck;

import dev.cnn.api.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;

/** Softmax, its gradient and log-softmax over rows of {@code [N, K]}, including rows with values up to 100. */
public interface SoftmaxProperties extends KitBackends {

    /** Probabilities to a few ulps, also where a naive exp would overflow. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("softmax")
    default void softmaxAgrees(@ForAll @From(supplier = ElementCase.Rows.class) ElementCase c) {
        Trial trial = trial("softmax", c);
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        trial.assertAgree(Tolerance.of(1e-6, 1e-5), referenceBackend().softmax(x.reference()),
                backendUnderTest().softmax(x.underTest()));
    }

    /** Given the reference's softmax output; the row sum of up to 16 products. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("softmaxBackward")
    default void softmaxBackwardAgrees(@ForAll @From(supplier = ElementCase.Rows.class) ElementCase c) {
        Trial trial = trial("softmaxBackward", c);
        Tensor probabilities = referenceBackend().softmax(
                referenceBackend().tensor(c.values().draw(c.seed(), c.shape().size()), c.shape()));
        Twin y = trial.input(probabilities.toArray(), c.shape());
        Twin dy = trial.input(ValueKind.UNIT, c.seed() + 1L, c.shape());
        trial.assertAgree(Tolerance.of(1e-6, 1e-5), referenceBackend().softmaxBackward(y.reference(), dy.reference()),
                backendUnderTest().softmaxBackward(y.underTest(), dy.underTest()));
    }

    /** Log-probabilities (as low as about -200 for wide rows) to a relative 1e-5. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("logSoftmax")
    default void logSoftmaxAgrees(@ForAll @From(supplier = ElementCase.Rows.class) ElementCase c) {
        Trial trial = trial("logSoftmax", c);
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        trial.assertAgree(Tolerance.of(1e-5, 1e-5), referenceBackend().logSoftmax(x.reference()),
                backendUnderTest().logSoftmax(x.underTest()));
    }
}
