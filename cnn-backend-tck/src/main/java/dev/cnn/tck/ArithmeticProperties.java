package dev.cnn.tck;

import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;

/** Element-wise arithmetic (one float operation each, so exact) and the double-precision sum. */
public interface ArithmeticProperties extends KitBackends {

    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("add")
    default void addAgrees(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        Trial trial = trial("add", c);
        Twin a = trial.input(c.values(), c.seed(), c.shape());
        Twin b = trial.input(c.values(), c.seed() + 1L, c.shape());
        trial.assertAgree(Tolerance.EXACT, referenceBackend().add(a.reference(), b.reference()),
                backendUnderTest().add(a.underTest(), b.underTest()));
    }

    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("subtract")
    default void subtractAgrees(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        Trial trial = trial("subtract", c);
        Twin a = trial.input(c.values(), c.seed(), c.shape());
        Twin b = trial.input(c.values(), c.seed() + 1L, c.shape());
        trial.assertAgree(Tolerance.EXACT, referenceBackend().subtract(a.reference(), b.reference()),
                backendUnderTest().subtract(a.underTest(), b.underTest()));
    }

    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("multiply")
    default void multiplyAgrees(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        Trial trial = trial("multiply", c);
        Twin a = trial.input(c.values(), c.seed(), c.shape());
        Twin b = trial.input(c.values(), c.seed() + 1L, c.shape());
        trial.assertAgree(Tolerance.EXACT, referenceBackend().multiply(a.reference(), b.reference()),
                backendUnderTest().multiply(a.underTest(), b.underTest()));
    }

    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("scale")
    default void scaleAgrees(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c,
                             @ForAll @FloatRange(min = -4f, max = 4f) float factor) {
        Trial trial = trial("scale", c + ", factor " + factor);
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        trial.assertAgree(Tolerance.EXACT, referenceBackend().scale(x.reference(), factor),
                backendUnderTest().scale(x.underTest(), factor));
    }

    /** Accumulated in double, so any order agrees far below float precision. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("sum")
    default void sumAgrees(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        Trial trial = trial("sum", c);
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        trial.assertAgree(Tolerance.of(1e-6, 1e-9), referenceBackend().sum(x.reference()),
                backendUnderTest().sum(x.underTest()));
    }
}
