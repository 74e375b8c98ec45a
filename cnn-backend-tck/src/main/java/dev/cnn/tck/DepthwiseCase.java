package dev.cnn.tck;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;

/**
 * A depthwise convolution to check: batch 1-6, channels 1-6, depth multiplier 1-3, height and width 1-14, kernel 1-5
 * per side, stride 1-3, padding 0-2 and dilation 1-3 per axis, only combinations where the dilated kernel fits.
 *
 * @param batch      N
 * @param channels   C
 * @param multiplier M, kernels per input channel
 * @param height     H
 * @param width      W
 * @param kernelH    kH
 * @param kernelW    kW
 * @param strideH    vertical stride
 * @param strideW    horizontal stride
 * @param padH       rows of zeros above and below
 * @param padW       columns of zeros left and right
 * @param dilationH  vertical spacing of the taps
 * @param dilationW  horizontal spacing of the taps
 * @param values     the kind of values in every tensor
 * @param seed       the seed the values are drawn from
 */
public record DepthwiseCase(int batch, int channels, int multiplier, int height, int width, int kernelH, int kernelW,
                            int strideH, int strideW, int padH, int padW, int dilationH, int dilationW,
                            ValueKind values, int seed) {

    /** {@code [N, C, H, W]}. */
    public Shape inputShape() {
        return Shape.of(batch, channels, height, width);
    }

    /** {@code [C, M, kH, kW]}. */
    public Shape filterShape() {
        return Shape.of(channels, multiplier, kernelH, kernelW);
    }

    /** Stride, padding and dilation. */
    public ConvGeometry geometry() {
        return new ConvGeometry(strideH, strideW, padH, padW, dilationH, dilationW);
    }

    /** {@code [N, C M, Ho, Wo]}. */
    public Shape outputShape() {
        return geometry().depthwiseOutputShape(inputShape(), filterShape());
    }

    private boolean fits() {
        return height + 2 * padH >= (kernelH - 1) * dilationH + 1 && width + 2 * padW >= (kernelW - 1) * dilationW + 1;
    }

    @Override
    public String toString() {
        return "input " + inputShape() + ", filter " + filterShape() + ", stride " + strideH + "x" + strideW
                + ", padding " + padH + "x" + padW + ", dilation " + dilationH + "x" + dilationW + ", output "
                + outputShape() + ", values " + values + " (seed " + seed + ")";
    }

    /** Generates the cases described above; shrinks towards small shapes and simple geometry. */
    public static final class Supplier implements ArbitrarySupplier<DepthwiseCase> {
        @Override
        public Arbitrary<DepthwiseCase> get() {
            Arbitrary<List<Integer>> sizes = Combinators.combine(List.of(
                    between(1, 6), between(1, 6), between(1, 3), between(1, 14), between(1, 14), between(1, 5),
                    between(1, 5), between(1, 3), between(1, 3), between(0, 2), between(0, 2), between(1, 3),
                    between(1, 3))).as(list -> list);
            return Combinators.combine(sizes, Arbitraries.of(ValueKind.UNIT, ValueKind.SMALL_INTEGERS),
                            Arbitraries.integers().between(0, 1_000_000))
                    .as((s, kind, seed) -> new DepthwiseCase(s.get(0), s.get(1), s.get(2), s.get(3), s.get(4),
                            s.get(5), s.get(6), s.get(7), s.get(8), s.get(9), s.get(10), s.get(11), s.get(12), kind, seed))
                    .filter(DepthwiseCase::fits);
        }

        private static Arbitrary<Integer> between(int min, int max) {
            return Arbitraries.integers().between(min, max);
        }
    }
}
