package dev.cnn.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;

/** Making tensors, reading them back, and reshaping. */
public interface TensorProperties extends KitBackends {

    /** The backend's name is a short lowercase word, as providers and users spell it. */
    @Example
    @ChecksKernel("name")
    default void nameIsShortAndLowercase() {
        String name = backendUnderTest().name();
        assertTrue(name != null && name.matches("[a-z][a-z0-9_-]{0,31}"),
                "backend name must be a short lowercase word, got '" + name + "'");
    }

    /** A tensor holds exactly the values and shape it was made from. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("tensor")
    default void tensorHoldsItsValues(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        float[] values = c.values().draw(c.seed(), c.shape().size());
        Tensor actual = backendUnderTest().tensor(values, c.shape());
        assertEquals(backendUnderTest(), actual.backend(), "a tensor must name the backend that made it");
        Agreement.assertAgree("tensor", c, Tolerance.EXACT, c.shape(), values, actual.shape(), actual.toArray());
    }

    /** Zeros are zeros of the asked shape. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("zeros")
    default void zerosAreZeros(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        Trial trial = trial("zeros", c);
        trial.assertAgree(Tolerance.EXACT, referenceBackend().zeros(c.shape()), backendUnderTest().zeros(c.shape()));
    }

    /** Reshaping keeps the row-major order of the values; here to the reversed dimensions. */
    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("reshape")
    default void reshapeKeepsRowMajorOrder(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        Trial trial = trial("reshape", c);
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        int[] dims = c.shape().dims();
        int[] reversed = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            reversed[i] = dims[dims.length - 1 - i];
        }
        Shape target = Shape.of(reversed);
        trial.assertAgree(Tolerance.EXACT, referenceBackend().reshape(x.reference(), target),
                backendUnderTest().reshape(x.underTest(), target));
    }
}
