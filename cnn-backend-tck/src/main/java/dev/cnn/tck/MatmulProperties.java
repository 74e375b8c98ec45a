package dev.cnn.tck;

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
}
