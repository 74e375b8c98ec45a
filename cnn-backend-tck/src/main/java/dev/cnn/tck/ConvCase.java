package dev.cnn.tck;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * A convolution to check: batch 1-8, channels and filters 1-8, height and width 1-16 (independently,
 * so often not square), kernel 1-5 per side, stride 1-3, padding 0-2 and dilation 1-3 per axis (1 in three cases of
 * five), only combinations where the dilated kernel fits the padded input.
 *
 * @param batch    N
 * @param channels C
 * @param filters  O
 * @param height   H
 * @param width    W
 * @param kernelH  kH
 * @param kernelW  kW
 * @param strideH  vertical stride
 * @param strideW  horizontal stride
 * @param padH     rows of zeros above and below
 * @param padW     columns of zeros left and right
 * @param dilationH vertical spacing of the filter's taps
 * @param dilationW horizontal spacing of the filter's taps
 * @param values   the kind of values in every tensor
 * @param seed     the seed the values are drawn from
 */
public record ConvCase(int batch, int channels, int filters, int height, int width, int kernelH, int kernelW,
                       int strideH, int strideW, int padH, int padW, int dilationH, int dilationW, ValueKind values,
                       int seed) {

    /** {@code [N, C, H, W]}. */
    public Shape inputShape() {
        return Shape.of(batch, channels, height, width);
    }

    /** {@code [O, C, kH, kW]}. */
    public Shape filterShape() {
        return Shape.of(filters, channels, kernelH, kernelW);
    }

    /** Stride, padding and dilation. */
    public ConvGeometry geometry() {
        return new ConvGeometry(strideH, strideW, padH, padW, dilationH, dilationW);
    }

    /** {@code [N, O, Ho, Wo]}. */
    public Shape outputShape() {
        return geometry().outputShape(inputShape(), filterShape());
    }

    private boolean fits() {
        return height + 2 * padH >= (kernelH - 1) * dilationH + 1 && width + 2 * padW >= (kernelW - 1) * dilationW + 1;
    }

    @Override
    public String toString() {
        return "input " + inputShape() + ", filter " + filterShape() + ", stride " + strideH + "x" + strideW
                + ", padding " + padH + "x" + padW + ", dilation " + dilationH + "x" + dilationW + ", output " + outputShape() + ", values " + values
                + " (seed " + seed + ")";
    }

    /** Generates the cases described above; shrinks towards small shapes and simple geometry. */
    public static final class Supplier implements ArbitrarySupplier<ConvCase> {
        @Override
        public Arbitrary<ConvCase> get() {
            Arbitrary<List<Integer>> sizes = Combinators.combine(List.of(
                    between(1, 8), between(1, 8), between(1, 8), between(1, 16), between(1, 16),
                    between(1, 5), between(1, 5), between(1, 3), between(1, 3), between(0, 2), between(0, 2),
                    dilation(), dilation())).as(list -> list);
            return Combinators.combine(sizes, Arbitraries.of(ValueKind.UNIT, ValueKind.SMALL_INTEGERS),
                            Arbitraries.integers().between(0, 1_000_000))
                    .as((s, kind, seed) -> new ConvCase(s.get(0), s.get(1), s.get(2), s.get(3), s.get(4), s.get(5),
                            s.get(6), s.get(7), s.get(8), s.get(9), s.get(10), s.get(11), s.get(12), kind, seed))
                    .filter(ConvCase::fits);
        }

        /** Mostly 1, so the undilated kernels keep most of the tries. */
        private static Arbitrary<Integer> dilation() {
            return Arbitraries.frequency(Tuple.of(3, 1), Tuple.of(1, 2), Tuple.of(1, 3));
        }

        private static Arbitrary<Integer> between(int min, int max) {
            return Arbitraries.integers().between(min, max);
        }
    }
}
