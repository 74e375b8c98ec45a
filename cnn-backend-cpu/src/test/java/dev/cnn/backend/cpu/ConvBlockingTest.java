package dev.cnn.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cutting a convolution into cache-sized blocks ({@link CacheBlocks}) changes which columns or rows are packed and
 * multiplied together, never the order in which an element is summed: every block size gives the bits of one block.
 */
class ConvBlockingTest {
    /** Small budgets (many blocks, down to one panel each) and one too large to cut anything. */
    private static final int[] BUDGETS = {1, 700, 5_000, 40_000};
    private static final int WHOLE = Integer.MAX_VALUE / 4;

    @ParameterizedTest(name = "N{0} C{1} {2}x{3} O{4} k{5}x{6} s{7}x{8} p{9}x{10}")
    @CsvSource(textBlock = """
            2, 1, 28, 28, 20, 5, 5, 1, 1, 0, 0
            3, 20, 16, 16, 40, 5, 5, 1, 1, 0, 0
            2, 12, 23, 19, 7, 3, 3, 1, 1, 1, 1
            2, 3, 30, 27, 5, 5, 4, 2, 3, 2, 1
            1, 30, 9, 9, 13, 3, 3, 1, 1, 1, 1
            """)
    void everyBlockSizeGivesTheBitsOfOneBlock(int n, int c, int h, int w, int o, int kh, int kw, int sh, int sw,
                                              int ph, int pw) {
        ConvGeometry g = new ConvGeometry(sh, sw, ph, pw);
        Shape inputShape = Shape.of(n, c, h, w);
        Shape filterShape = Shape.of(o, c, kh, kw);
        ConvDims d = ConvDims.of(inputShape, filterShape, g);
        Random random = new Random(7);
        float[] input = TestData.uniform(random, inputShape.size());
        float[] filter = TestData.uniform(random, filterShape.size());
        float[] bias = TestData.uniform(random, o);
        float[] outputGradient = TestData.uniform(random, n * d.outImageSize());
        Supplier<float[]> forward = () -> Conv2dKernels.forward(input, filter, null, d, new float[n * d.outImageSize()]);
        Supplier<float[]> forwardBias = () -> Conv2dKernels.forward(input, filter, bias, d, new float[n * d.outImageSize()]);
        Supplier<float[]> data = () -> Conv2dKernels.backwardData(outputGradient, filter, d, new float[input.length]);
        Supplier<float[]> filterGradient = () ->
                Conv2dKernels.backwardFilter(input, outputGradient, d, new float[filter.length]);
        for (Supplier<float[]> kernel : java.util.List.of(forward, forwardBias, data, filterGradient)) {
            float[] whole = withBudget(WHOLE, kernel);
            for (int budget : BUDGETS) {
                assertArrayEquals(whole, withBudget(budget, kernel), "block budget " + budget);
            }
        }
    }

    @Test
    void blockSpansAreEvenMultiplesThatFitTheBudget() {
        int saved = CacheBlocks.blockFloats;
        try {
            CacheBlocks.blockFloats = 131_072;
            assertEquals(256, CacheBlocks.span(2500, 500, 32));
            assertEquals(512, CacheBlocks.span(500, 256, 32));
            assertEquals(48, CacheBlocks.span(500, 2500, 6));
            assertEquals(16, CacheBlocks.span(3, 10, 16));
            CacheBlocks.blockFloats = 1;
            assertEquals(16, CacheBlocks.span(100, 500, 16));
        } finally {
            CacheBlocks.blockFloats = saved;
        }
        assertTrue(CacheBlocks.L2_BYTES >= 1 << 14);
        assertEquals(1024 * 1024, CacheBlocks.parseSize("1024K"));
        assertEquals(2 * 1024 * 1024, CacheBlocks.parseSize("2M"));
        assertEquals(4096, CacheBlocks.parseSize("4096"));
    }

    private static float[] withBudget(int budget, Supplier<float[]> kernel) {
        int saved = CacheBlocks.blockFloats;
        CacheBlocks.blockFloats = budget;
        try {
            return kernel.get();
        } finally {
            CacheBlocks.blockFloats = saved;
        }
    }
}
