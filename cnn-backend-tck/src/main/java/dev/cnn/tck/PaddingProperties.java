package dev.cnn.tck;

import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;

/** Constant padding of the spatial axes and its gradient (the crop): both copy values, so both are exact. */
public interface PaddingProperties extends KitBackends {

    /** Every value is copied or is the padding value. */
    @Property(tries = KitTries.POOLING)
    @ChecksKernel("pad2d")
    default void pad2dAgrees(@ForAll @From(supplier = PadCase.Supplier.class) PadCase c) {
        Trial trial = trial("pad2d", c);
        Twin input = trial.input(c.values(), c.seed(), c.inputShape());
        trial.assertAgree(Tolerance.EXACT, referenceBackend().pad2d(input.reference(), c.pads(), c.value()),
                backendUnderTest().pad2d(input.underTest(), c.pads(), c.value()));
    }

    /** The gradient of the interior, the padded cells' dropped. */
    @Property(tries = KitTries.POOLING)
    @ChecksKernel("pad2dBackward")
    default void pad2dBackwardAgrees(@ForAll @From(supplier = PadCase.Supplier.class) PadCase c) {
        Trial trial = trial("pad2dBackward", c);
        Twin outputGradient = trial.input(c.values(), c.seed() + 1L, c.outputShape());
        trial.assertAgree(Tolerance.EXACT, referenceBackend().pad2dBackward(outputGradient.reference(), c.pads()),
                backendUnderTest().pad2dBackward(outputGradient.underTest(), c.pads()));
    }
}
