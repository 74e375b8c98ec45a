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
}
