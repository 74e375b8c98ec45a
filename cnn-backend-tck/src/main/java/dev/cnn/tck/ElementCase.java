package dev.cnn.tck;

import dev.cnn.api.tensor.Shape;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;

/**
 * A tensor shape with values, for the element-wise kernels, reductions and softmax.
 *
 * @param dims   the shape's dimensions
 * @param values the kind of values
 * @param seed   the seed the values are drawn from
 */
public record ElementCase(List<Integer> dims, ValueKind values, int seed) {

    /** The shape. */
    public Shape shape() {
        return Shape.of(dims.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public String toString() {
        return "shape " + shape() + ", values " + values + " (seed " + seed + ")";
    }

    private static Arbitrary<ElementCase> of(int minRank, int maxRank, int maxDim, ValueKind... kinds) {
        Arbitrary<List<Integer>> dims = Arbitraries.integers().between(1, maxDim).list()
                .ofMinSize(minRank).ofMaxSize(maxRank);
        return Combinators.combine(dims, Arbitraries.of(kinds), Arbitraries.integers().between(0, 1_000_000))
                .as(ElementCase::new);
    }

    /** Rank 1 to 4, each dimension 1-8, values of every kind. */
    public static final class AnyRank implements ArbitrarySupplier<ElementCase> {
        @Override
        public Arbitrary<ElementCase> get() {
            return of(1, 4, 8, ValueKind.UNIT, ValueKind.SMALL_INTEGERS, ValueKind.WIDE);
        }
    }

    /** Rank 1 to 4, each dimension 1-8, values in [-1, 1) or small integers (for products that must not overflow). */
    public static final class Moderate implements ArbitrarySupplier<ElementCase> {
        @Override
        public Arbitrary<ElementCase> get() {
            return of(1, 4, 8, ValueKind.UNIT, ValueKind.SMALL_INTEGERS);
        }
    }

    /** Matrices {@code [N, K]}: N and K 1-16, values of every kind (softmax rows). */
    public static final class Rows implements ArbitrarySupplier<ElementCase> {
        @Override
        public Arbitrary<ElementCase> get() {
            return of(2, 2, 16, ValueKind.UNIT, ValueKind.SMALL_INTEGERS, ValueKind.WIDE);
        }
    }

    /** Rank 2 {@code [N, F]} or rank 4 {@code [N, C, H, W]}, dimensions 1-8 (the per-channel kernels). */
    public static final class Channels implements ArbitrarySupplier<ElementCase> {
        @Override
        public Arbitrary<ElementCase> get() {
            return Arbitraries.oneOf(of(2, 2, 8, ValueKind.UNIT, ValueKind.SMALL_INTEGERS),
                    of(4, 4, 8, ValueKind.UNIT, ValueKind.SMALL_INTEGERS));
        }
    }
}
