package dev.cnn.tck;

import dev.cnn.api.backend.PadGeometry;
import dev.cnn.api.tensor.Shape;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;

/**
 * A constant padding to check: batch 1-6, channels 1-6, height and width 1-12, each side padded by 0-3 independently
 * (so often asymmetric), the value 0 or a small integer.
 *
 * @param batch    N
 * @param channels C
 * @param height   H
 * @param width    W
 * @param top      rows added above
 * @param bottom   rows added below
 * @param left     columns added on the left
 * @param right    columns added on the right
 * @param value    the value of the added cells
 * @param values   the kind of values in every tensor
 * @param seed     the seed the values are drawn from
 */
public record PadCase(int batch, int channels, int height, int width, int top, int bottom, int left, int right,
                      float value, ValueKind values, int seed) {

    /** {@code [N, C, H, W]}. */
    public Shape inputShape() {
        return Shape.of(batch, channels, height, width);
    }

    /** The four sides. */
    public PadGeometry pads() {
        return new PadGeometry(top, bottom, left, right);
    }

    /** {@code [N, C, H + top + bottom, W + left + right]}. */
    public Shape outputShape() {
        return pads().outputShape(inputShape());
    }

    @Override
    public String toString() {
        return "input " + inputShape() + ", padding top " + top + " bottom " + bottom + " left " + left + " right "
                + right + " of " + value + ", output " + outputShape() + ", values " + values + " (seed " + seed + ")";
    }

    /** Generates the cases described above. */
    public static final class Supplier implements ArbitrarySupplier<PadCase> {
        @Override
        public Arbitrary<PadCase> get() {
            Arbitrary<List<Integer>> sizes = Combinators.combine(List.of(
                    between(1, 6), between(1, 6), between(1, 12), between(1, 12),
                    between(0, 3), between(0, 3), between(0, 3), between(0, 3))).as(list -> list);
            return Combinators.combine(sizes, Arbitraries.of(0f, -2f, 3f), Arbitraries.of(ValueKind.UNIT,
                            ValueKind.SMALL_INTEGERS), Arbitraries.integers().between(0, 1_000_000))
                    .as((s, value, kind, seed) -> new PadCase(s.get(0), s.get(1), s.get(2), s.get(3), s.get(4),
                            s.get(5), s.get(6), s.get(7), value, kind, seed));
        }

        private static Arbitrary<Integer> between(int min, int max) {
            return Arbitraries.integers().between(min, max);
        }
    }
}
