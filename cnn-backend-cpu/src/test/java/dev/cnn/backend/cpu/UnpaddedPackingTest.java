package dev.cnn.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class UnpaddedPackingTest {
    private static final int NR = MicroKernels.SELECTED.cols();

    @Property(tries = 200)
    void forwardPanelsAreThoseOfTheGeneralLowering(@ForAll @IntRange(min = 1, max = 24) int channels,
                                                   @ForAll @IntRange(min = 1, max = 30) int height,
                                                   @ForAll @IntRange(min = 1, max = 30) int width,
                                                   @ForAll @IntRange(min = 1, max = 6) int kernelH,
                                                   @ForAll @IntRange(min = 1, max = 6) int kernelW,
                                                   @ForAll @IntRange(min = 1, max = 3) int strideH,
                                                   @ForAll @IntRange(min = 0, max = 1000) int blockSeed) {
        ConvDims d = dims(channels, Math.max(height, kernelH), Math.max(width, kernelW), kernelH, kernelW, strideH);
        Random random = new Random(blockSeed);
        float[] input = image(d, random);
        int n = d.outPlane();
        int q0 = random.nextInt(n);
        int q1 = q0 + 1 + random.nextInt(n - q0);
        int size = Packing.packedBSize(d.patchSize(), q1 - q0, NR);
        float[] expected = filled(size + 3);
        float[] actual = filled(size + 3);
        ConvPacking.packTapsByPositionAnyGeometry(input, 1, d, NR, q0, q1, expected);
        UnpaddedPacking.packTapsByPosition(input, 1, d, NR, q0, q1, actual);
        assertArrayEquals(expected, actual, d + " positions [" + q0 + ", " + q1 + ")");
    }

    @Property(tries = 200)
    void backwardFilterPanelsAreThoseOfTheGeneralLowering(@ForAll @IntRange(min = 1, max = 24) int channels,
                                                          @ForAll @IntRange(min = 1, max = 30) int height,
                                                          @ForAll @IntRange(min = 1, max = 30) int width,
                                                          @ForAll @IntRange(min = 1, max = 6) int kernelH,
                                                          @ForAll @IntRange(min = 1, max = 6) int kernelW,
                                                          @ForAll @IntRange(min = 1, max = 3) int strideH,
                                                          @ForAll @IntRange(min = 0, max = 1000) int blockSeed) {
        ConvDims d = dims(channels, Math.max(height, kernelH), Math.max(width, kernelW), kernelH, kernelW, strideH);
        Random random = new Random(blockSeed);
        float[] input = image(d, random);
        int n = d.outPlane();
        int q0 = random.nextInt(n);
        int q1 = q0 + 1 + random.nextInt(Math.min(PackedGemm.KC, n - q0));
        int taps = d.patchSize();
        int j0 = random.nextInt(taps) / NR * NR;
        int j1 = j0 + 1 + random.nextInt(taps - j0);
        int size = Packing.packedBSize(q1 - q0, j1 - j0, NR);
        float[] expected = filled(size + 3);
        float[] actual = filled(size + 3);
        int[] offsets = ConvPacking.tapOffsets(d).clone();
        ConvPacking.packPositionsByTapAnyGeometry(input, 1, d, NR, q0, q1, j0, j1, offsets, expected);
        UnpaddedPacking.packPositionsByTap(input, 1, d, NR, q0, q1, j0, j1, offsets, actual);
        assertArrayEquals(expected, actual, d + " positions [" + q0 + ", " + q1 + "), taps [" + j0 + ", " + j1 + ")");
    }

    @Property(tries = 200)
    void foldAddsWhatTheGeneralFoldAdds(@ForAll @IntRange(min = 1, max = 24) int channels,
                                        @ForAll @IntRange(min = 1, max = 30) int height,
                                        @ForAll @IntRange(min = 1, max = 30) int width,
                                        @ForAll @IntRange(min = 1, max = 6) int kernelH,
                                        @ForAll @IntRange(min = 1, max = 6) int kernelW,
                                        @ForAll @IntRange(min = 1, max = 3) int strideH,
                                        @ForAll @IntRange(min = 0, max = 1000) int blockSeed) {
        ConvDims d = dims(channels, Math.max(height, kernelH), Math.max(width, kernelW), kernelH, kernelW, strideH);
        Random random = new Random(blockSeed);
        int taps = d.patchSize();
        int r0 = random.nextInt(taps);
        int r1 = r0 + 1 + random.nextInt(taps - r0);
        int ldc = d.outPlane() + random.nextInt(3);
        float[] columns = new float[(r1 - r0) * ldc];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = random.nextFloat() - 0.5f;
        }
        float[] expected = image(d, new Random(blockSeed + 1));
        float[] actual = expected.clone();
        ConvPacking.foldAnyGeometry(columns, ldc, d, r0, r1, expected, 1);
        UnpaddedPacking.fold(columns, ldc, d, r0, r1, actual, 1);
        assertArrayEquals(expected, actual, d + " taps [" + r0 + ", " + r1 + ")");
    }

    @Test
    void appliesOnlyWithoutPaddingAndWithUnitColumnStride() {
        assertTrue(UnpaddedPacking.applies(dims(2, 8, 8, 3, 3, 2)));
        assertFalse(UnpaddedPacking.applies(ConvDims.of(Shape.of(1, 2, 8, 8), Shape.of(3, 2, 3, 3),
                new ConvGeometry(1, 1, 1, 0))));
        assertFalse(UnpaddedPacking.applies(ConvDims.of(Shape.of(1, 2, 8, 8), Shape.of(3, 2, 3, 3),
                new ConvGeometry(1, 1, 0, 1))));
        assertFalse(UnpaddedPacking.applies(ConvDims.of(Shape.of(1, 2, 8, 8), Shape.of(3, 2, 3, 3),
                new ConvGeometry(1, 2, 0, 0))));
    }

    private static ConvDims dims(int channels, int height, int width, int kernelH, int kernelW, int strideH) {
        return ConvDims.of(Shape.of(2, channels, height, width), Shape.of(3, channels, kernelH, kernelW),
                new ConvGeometry(strideH, 1, 0, 0));
    }

    /** Two images after one leading element, so that offsets into the input are exercised. */
    private static float[] image(ConvDims d, Random random) {
        float[] input = new float[1 + 2 * d.imageSize()];
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextFloat() - 0.5f;
        }
        return input;
    }

    /** A destination full of NaN, so that an element either packer leaves unwritten shows up as a difference. */
    private static float[] filled(int size) {
        float[] array = new float[size];
        Arrays.fill(array, Float.NaN);
        return array;
    }
}
