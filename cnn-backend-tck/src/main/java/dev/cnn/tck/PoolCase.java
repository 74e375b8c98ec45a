package dev.cnn.tck;

import dev.cnn.api.backend.PoolGeometry;
import dev.cnn.api.tensor.Shape;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * A pooling to check: batch 1-8, channels 1-8, height and width 1-16, window 1-5, stride 1-3 and
 * padding 0-2 per axis, padding smaller than the window and the window fitting the padded input; rounding up (ceil
 * mode) in a third of the cases and averages counting the padding in another third, independently.
 * Half the cases hold small integers, so windows often have several equal maxima.
 *
 * @param batch    N
 * @param channels C
 * @param height   H
 * @param width    W
 * @param kernelH  window height
 * @param kernelW  window width
 * @param strideH  vertical stride
 * @param strideW  horizontal stride
 * @param padH     rows of padding above and below
 * @param padW     columns of padding left and right
 * @param ceilMode        whether the output size rounds up
 * @param countIncludePad whether an average counts the padding
 * @param values   the kind of values in every tensor
 * @param seed     the seed the values are drawn from
 */
public record PoolCase(int batch, int channels, int height, int width, int kernelH, int kernelW,
                       int strideH, int strideW, int padH, int padW, boolean ceilMode, boolean countIncludePad,
                       ValueKind values, int seed) {

    /** {@code [N, C, H, W]}. */
    public Shape inputShape() {
        return Shape.of(batch, channels, height, width);
    }

    /** Window, stride and padding. */
    public PoolGeometry geometry() {
        return new PoolGeometry(kernelH, kernelW, strideH, strideW, padH, padW, ceilMode, countIncludePad);
    }

    /** {@code [N, C, Ho, Wo]}. */
    public Shape outputShape() {
        return geometry().outputShape(inputShape());
    }

    private boolean valid() {
        return padH < kernelH && padW < kernelW && height + 2 * padH >= kernelH && width + 2 * padW >= kernelW;
    }

    @Override
    public String toString() {
        return "input " + inputShape() + ", window " + kernelH + "x" + kernelW + ", stride " + strideH + "x"
                + strideW + ", padding " + padH + "x" + padW + (ceilMode ? ", ceil mode" : "")
                + (countIncludePad ? ", counting the padding" : "") + ", output " + outputShape() + ", values " + values
                + " (seed " + seed + ")";
    }

    /** Generates the cases described above. */
    public static final class Supplier implements ArbitrarySupplier<PoolCase> {
        @Override
        public Arbitrary<PoolCase> get() {
            Arbitrary<List<Integer>> sizes = Combinators.combine(List.of(
                    between(1, 8), between(1, 8), between(1, 16), between(1, 16),
                    between(1, 5), between(1, 5), between(1, 3), between(1, 3), between(0, 2), between(0, 2)))
                    .as(list -> list);
            return Combinators.combine(sizes, oneInThree(), oneInThree(),
                            Arbitraries.of(ValueKind.SMALL_INTEGERS, ValueKind.UNIT),
                            Arbitraries.integers().between(0, 1_000_000))
                    .as((s, ceil, include, kind, seed) -> new PoolCase(s.get(0), s.get(1), s.get(2), s.get(3), s.get(4),
                            s.get(5), s.get(6), s.get(7), s.get(8), s.get(9), ceil, include, kind, seed))
                    .filter(PoolCase::valid);
        }

        private static Arbitrary<Boolean> oneInThree() {
            return Arbitraries.frequency(Tuple.of(2, false), Tuple.of(1, true));
        }

        private static Arbitrary<Integer> between(int min, int max) {
            return Arbitraries.integers().between(min, max);
        }
    }
}
