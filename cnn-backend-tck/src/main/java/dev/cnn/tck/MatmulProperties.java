package dev.cnn.tck;

import dev.cnn.api.tensor.Shape;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;

/** Matrix products with every combination of transposes. */
public interface MatmulProperties extends KitBackends {

    /** Sums of up to 64 products of values in [-1, 1]: float rounding stays far below 1e-5. */
    @Property(tries = KitTries.MATMUL)
    @ChecksKernel("matmul")
    default void matmulAgrees(@ForAll @From(supplier = MatmulCase.Supplier.class) MatmulCase c) {
        Trial trial = trial("matmul", c);
        Twin a = trial.input(c.values(), c.seed(), c.aShape());
        Twin b = trial.input(c.values(), c.seed() + 1L, c.bShape());
        trial.assertAgree(Tolerance.of(1e-5, 1e-5),
                referenceBackend().matmul(a.reference(), c.transposeA(), b.reference(), c.transposeB()),
                backendUnderTest().matmul(a.underTest(), c.transposeA(), b.underTest(), c.transposeB()));
    }

    /** The fused dense forward agrees with the reference's matmul followed by its addPerChannel. */
    @Property(tries = KitTries.MATMUL)
    @ChecksKernel("denseForward")
    default void denseForwardAgrees(@ForAll @From(supplier = MatmulCase.Supplier.class) MatmulCase c) {
        Trial trial = trial("denseForward", c);
        Twin input = trial.input(c.values(), c.seed(), Shape.of(c.m(), c.k()));
        Twin weight = trial.input(c.values(), c.seed() + 1L, Shape.of(c.k(), c.n()));
        Twin bias = trial.input(c.values(), c.seed() + 2L, Shape.of(c.n()));
        trial.assertAgree(Tolerance.of(1e-5, 1e-5),
                referenceBackend().addPerChannel(referenceBackend().matmul(input.reference(), false, weight.reference(),
                        false), bias.reference()),
                backendUnderTest().denseForward(input.underTest(), weight.underTest(), bias.underTest()));
    }
}
