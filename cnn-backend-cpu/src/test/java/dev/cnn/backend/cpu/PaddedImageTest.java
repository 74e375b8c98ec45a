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

/** A padded convolution lowered from a zero-bordered copy gives the general lowering's panels and fold, bit for bit. */
class PaddedImageTest {
    private static final int NR = MicroKernels.SELECTED.cols();

    @Property(tries = 200)
    void forwardPanelsAreThoseOfTheGeneralLowering(@ForAll @IntRange(min = 1, max = 16) int channels,
                                                   @ForAll @IntRange(min = 1, max = 20) int height,
                                                   @ForAll @IntRange(min = 1, max = 20) int width,
                                                   @ForAll @IntRange(min = 1, max = 5) int kernel,
                                                   @ForAll @IntRange(min = 0, max = 3) int padH,
                                                   @ForAll @IntRange(min = 0, max = 3) int padW,
                                                   @ForAll @IntRange(min = 1, max = 3) int strideH,
                                                   @ForAll @IntRange(min = 0, max = 1000) int seed) {
        ConvDims d = dims(channels, Math.max(height, kernel), Math.max(width, kernel), kernel, strideH, padH, padW);
        Random random = new Random(seed);
        float[] input = images(d, random);
        int n = d.outPlane();
        int q0 = random.nextInt(n);
        int q1 = q0 + 1 + random.nextInt(n - q0);
        int size = Packing.packedBSize(d.patchSize(), q1 - q0, NR);
        float[] expected = filled(size);
        float[] actual = filled(size);
        ConvPacking.packTapsByPositionAnyGeometry(input, 1 + d.imageSize(), d, NR, q0, q1, expected);
        ConvPacking.packTapsByPosition(copy(input, 1 + d.imageSize(), d), 0, PaddedImage.unpadded(d), NR, q0, q1,
                actual);
        assertArrayEquals(expected, actual, d + " positions [" + q0 + ", " + q1 + ")");
    }

    @Property(tries = 200)
    void backwardFilterPanelsAreThoseOfTheGeneralLowering(@ForAll @IntRange(min = 1, max = 16) int channels,
                                                          @ForAll @IntRange(min = 1, max = 20) int height,
                                                          @ForAll @IntRange(min = 1, max = 20) int width,
                                                          @ForAll @IntRange(min = 1, max = 5) int kernel,
                                                          @ForAll @IntRange(min = 0, max = 3) int padH,
                                                          @ForAll @IntRange(min = 0, max = 3) int padW,
                                                          @ForAll @IntRange(min = 1, max = 3) int strideH,
                                                          @ForAll @IntRange(min = 0, max = 1000) int seed) {
        ConvDims d = dims(channels, Math.max(height, kernel), Math.max(width, kernel), kernel, strideH, padH, padW);
        Random random = new Random(seed);
        float[] input = images(d, random);
        int n = d.outPlane();
        int q0 = random.nextInt(n);
        int q1 = q0 + 1 + random.nextInt(Math.min(PackedGemm.KC, n - q0));
        int taps = d.patchSize();
        int j0 = random.nextInt(taps) / NR * NR;
        int j1 = j0 + 1 + random.nextInt(taps - j0);
        int size = Packing.packedBSize(q1 - q0, j1 - j0, NR);
        float[] expected = filled(size);
        float[] actual = filled(size);
        ConvPacking.packPositionsByTapAnyGeometry(input, 1, d, NR, q0, q1, j0, j1, ConvPacking.tapOffsets(d).clone(),
                expected);
        ConvDims lowered = PaddedImage.unpadded(d);
        ConvPacking.packPositionsByTap(copy(input, 1, d), 0, lowered, NR, q0, q1, j0, j1,
                ConvPacking.tapOffsets(lowered).clone(), actual);
        assertArrayEquals(expected, actual, d + " positions [" + q0 + ", " + q1 + "), taps [" + j0 + ", " + j1 + ")");
    }

    @Property(tries = 200)
    void foldAddsWhatTheGeneralFoldAdds(@ForAll @IntRange(min = 1, max = 16) int channels,
                                        @ForAll @IntRange(min = 1, max = 20) int height,
                                        @ForAll @IntRange(min = 1, max = 20) int width,
                                        @ForAll @IntRange(min = 1, max = 5) int kernel,
                                        @ForAll @IntRange(min = 0, max = 3) int padH,
                                        @ForAll @IntRange(min = 0, max = 3) int padW,
                                        @ForAll @IntRange(min = 1, max = 3) int strideH,
                                        @ForAll @IntRange(min = 0, max = 1000) int seed) {
        ConvDims d = dims(channels, Math.max(height, kernel), Math.max(width, kernel), kernel, strideH, padH, padW);
        Random random = new Random(seed);
        int taps = d.patchSize();
        int ldc = d.outPlane();
        float[] columns = new float[taps * ldc];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = random.nextFloat() - 0.5f;
        }
        float[] expected = new float[1 + d.imageSize()];
        float[] actual = new float[1 + d.imageSize()];
        ConvPacking.foldAnyGeometry(columns, ldc, d, 0, taps, expected, 1);
        float[] padded = new float[PaddedImage.size(d)];
        ConvPacking.fold(columns, ldc, PaddedImage.unpadded(d), 0, taps, padded, 0);
        PaddedImage.addOut(padded, d, actual, 1);
        assertArrayEquals(expected, actual, d.toString());
    }

    @Test
    void appliesToPaddedConvolutionsWithUnitColumnStride() {
        assertTrue(PaddedImage.applies(dims(2, 8, 8, 3, 1, 1, 1)));
        assertTrue(PaddedImage.applies(dims(2, 8, 8, 3, 2, 1, 0)));
        assertFalse(PaddedImage.applies(dims(2, 8, 8, 3, 1, 0, 0)));
        assertFalse(PaddedImage.applies(ConvDims.of(Shape.of(1, 2, 8, 8), Shape.of(3, 2, 3, 3),
                new ConvGeometry(1, 2, 1, 1))));
    }

    private static ConvDims dims(int channels, int height, int width, int kernel, int strideH, int padH, int padW) {
        return ConvDims.of(Shape.of(2, channels, height, width), Shape.of(3, channels, kernel, kernel),
                new ConvGeometry(strideH, 1, padH, padW));
    }

    private static float[] copy(float[] input, int offset, ConvDims d) {
        float[] padded = new float[PaddedImage.size(d)];
        PaddedImage.copyIn(input, offset, d, padded);
        return padded;
    }

    /** Two images after one leading element, so that offsets into the input are exercised. */
    private static float[] images(ConvDims d, Random random) {
        float[] input = new float[1 + 2 * d.imageSize()];
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextFloat() - 0.5f;
        }
        return input;
    }

    private static float[] filled(int size) {
        float[] array = new float[size];
        Arrays.fill(array, Float.NaN);
        return array;
    }
}
