package dev.cnn.tck;

import dev.cnn.api.tensor.Shape;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;

/**
 * A matrix product {@code op(a)[m, k] * op(b)[k, n]} with m, k, n 1-64 and each transpose on or off.
 *
 * @param m          rows of the product
 * @param k          the summed dimension
 * @param n          columns of the product
 * @param transposeA whether {@code a} is given as {@code [k, m]}
 * @param transposeB whether {@code b} is given as {@code [n, k]}
 * @param values     the kind of values
 * @param seed       the seed the values are drawn from
 */
public record MatmulCase(int m, int k, int n, boolean transposeA, boolean transposeB, ValueKind values, int seed) {

    /** The shape of {@code a} as passed. */
    public Shape aShape() {
        return transposeA ? Shape.of(k, m) : Shape.of(m, k);
    }

    /** The shape of {@code b} as passed. */
    public Shape bShape() {
        return transposeB ? Shape.of(n, k) : Shape.of(k, n);
    }

    @Override
    public String toString() {
        return "a " + aShape() + (transposeA ? " transposed" : "") + ", b " + bShape()
                + (transposeB ? " transposed" : "") + ", product [" + m + ", " + n + "], values " + values
                + " (seed " + seed + ")";
    }

    /** Generates the cases described above. */
    public static final class Supplier implements ArbitrarySupplier<MatmulCase> {
        @Override
        public Arbitrary<MatmulCase> get() {
            Arbitrary<Integer> size = Arbitraries.integers().between(1, 64);
            return Combinators.combine(size, size, size, Arbitraries.of(false, true), Arbitraries.of(false, true),
                            Arbitraries.of(ValueKind.UNIT, ValueKind.SMALL_INTEGERS),
                            Arbitraries.integers().between(0, 1_000_000))
                    .as(MatmulCase::new);
        }
    }
}
