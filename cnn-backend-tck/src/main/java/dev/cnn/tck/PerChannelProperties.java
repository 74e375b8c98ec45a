package dev.cnn.tck;

import dev.cnn.api.tensor.Shape;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;

/** Bias, scale-and-shift and sums along axis 1, for {@code [N, F]} and {@code [N, C, H, W]}. */
public interface PerChannelProperties extends KitBackends {

    /** One float addition per element: exact. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("addPerChannel")
    default void addPerChannelAgrees(@ForAll @From(supplier = ElementCase.Channels.class) ElementCase c) {
        Trial trial = trial("addPerChannel", c);
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        Twin bias = trial.input(c.values(), c.seed() + 1L, Shape.of(c.shape().dim(1)));
        trial.assertAgree(Tolerance.EXACT, referenceBackend().addPerChannel(x.reference(), bias.reference()),
                backendUnderTest().addPerChannel(x.underTest(), bias.underTest()));
    }

    /** A multiply and an add, possibly fused: within an ulp or two. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("scaleShiftPerChannel")
    default void scaleShiftPerChannelAgrees(@ForAll @From(supplier = ElementCase.Channels.class) ElementCase c) {
        Trial trial = trial("scaleShiftPerChannel", c);
        Shape channels = Shape.of(c.shape().dim(1));
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        Twin scale = trial.input(c.values(), c.seed() + 1L, channels);
        Twin shift = trial.input(c.values(), c.seed() + 2L, channels);
        trial.assertAgree(Tolerance.of(1e-6, 1e-6),
                referenceBackend().scaleShiftPerChannel(x.reference(), scale.reference(), shift.reference()),
                backendUnderTest().scaleShiftPerChannel(x.underTest(), scale.underTest(), shift.underTest()));
    }

    /** Sums of up to 512 values in [-1, 1] or small integers. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("sumPerChannel")
    default void sumPerChannelAgrees(@ForAll @From(supplier = ElementCase.Channels.class) ElementCase c) {
        Trial trial = trial("sumPerChannel", c);
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        trial.assertAgree(Tolerance.of(1e-5, 1e-5), referenceBackend().sumPerChannel(x.reference()),
                backendUnderTest().sumPerChannel(x.underTest()));
    }

    /**
     * Sums of up to 512 products of centred values; each product may be rounded differently where a backend fuses
     * the centring, which for values up to 100 allows a few hundredths in all.
     */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("sumOfCenteredProductsPerChannel")
    default void sumOfCenteredProductsPerChannelAgrees(
            @ForAll @From(supplier = ElementCase.Channels.class) ElementCase c) {
        Trial trial = trial("sumOfCenteredProductsPerChannel", c);
        Shape channels = Shape.of(c.shape().dim(1));
        Twin a = trial.input(c.values(), c.seed(), c.shape());
        Twin b = trial.input(c.values(), c.seed() + 1L, c.shape());
        Twin aCenter = trial.input(c.values(), c.seed() + 2L, channels);
        Twin bCenter = trial.input(c.values(), c.seed() + 3L, channels);
        Tolerance tolerance = Tolerance.of(c.values() == ValueKind.WIDE ? 0.05 : 1e-4, 1e-5);
        trial.assertAgree(tolerance,
                referenceBackend().sumOfCenteredProductsPerChannel(a.reference(), aCenter.reference(), b.reference(),
                        bCenter.reference()),
                backendUnderTest().sumOfCenteredProductsPerChannel(a.underTest(), aCenter.underTest(), b.underTest(),
                        bCenter.underTest()));
        trial.assertAgree(tolerance,
                referenceBackend().sumOfCenteredProductsPerChannel(a.reference(), aCenter.reference(), a.reference(),
                        aCenter.reference()),
                backendUnderTest().sumOfCenteredProductsPerChannel(a.underTest(), aCenter.underTest(), a.underTest(),
                        aCenter.underTest()));
    }

    /** Two multiplies and two adds, possibly fused: within a few ulps of the largest term. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("scaleAddPerChannelInto")
    default void scaleAddPerChannelAgrees(@ForAll @From(supplier = ElementCase.Channels.class) ElementCase c) {
        Trial trial = trial("scaleAddPerChannelInto", c);
        Shape channels = Shape.of(c.shape().dim(1));
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        Twin y = trial.input(c.values(), c.seed() + 1L, c.shape());
        Twin xScale = trial.input(c.values(), c.seed() + 2L, channels);
        Twin yScale = trial.input(c.values(), c.seed() + 3L, channels);
        Twin shift = trial.input(c.values(), c.seed() + 4L, channels);
        double absolute = c.values() == ValueKind.WIDE ? 0.01 : 1e-5;
        ReuseCheck.assertReuses(trial, Tolerance.of(absolute, 1e-5), c.shape(),
                k -> k.scaleAddPerChannelInto(pick(k, x), pick(k, xScale), pick(k, y), pick(k, yScale),
                        pick(k, shift), null),
                (k, out) -> k.scaleAddPerChannelInto(pick(k, x), pick(k, xScale), pick(k, y), pick(k, yScale),
                        pick(k, shift), out),
                referenceBackend(), backendUnderTest());
    }
}
