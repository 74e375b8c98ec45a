package dev.cnn.backend.cpu;

import static dev.cnn.backend.cpu.TestData.BACKEND;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Winograd's F(2x2, 3x3) ({@link WinogradConvolution}) gives what the wide grid gives, forward (with bias and ReLU)
 * and backward-data, on random channel counts and map sizes, odd ones included (tiles half outside the image).
 */
class WinogradConvolutionTest {
    private static final ConvGeometry SAME = new ConvGeometry(1, 1, 1, 1);

    @Property(tries = 40)
    void winogradAgreesWithTheWideGrid(@ForAll @IntRange(min = 1, max = 2) int batch,
                                       @ForAll @IntRange(min = 32, max = 70) int channels,
                                       @ForAll @IntRange(min = 32, max = 70) int outputs,
                                       @ForAll @IntRange(min = 8, max = 29) int height,
                                       @ForAll @IntRange(min = 8, max = 29) int width,
                                       @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Shape inputShape = Shape.of(batch, channels, height, width);
        Shape filterShape = Shape.of(outputs, channels, 3, 3);
        Shape outputShape = SAME.outputShape(inputShape, filterShape);
        assertEquals(!(MicroKernels.SELECTED instanceof ScalarMicroKernel),
                WinogradConvolution.applies(ConvDims.of(inputShape, filterShape, SAME)), "Winograd runs");
        Random random = new Random(seed);
        Tensor x = BACKEND.tensor(TestData.uniform(random, inputShape.size()), inputShape);
        Tensor f = BACKEND.tensor(TestData.uniform(random, filterShape.size()), filterShape);
        Tensor bias = BACKEND.tensor(TestData.uniform(random, outputs), Shape.of(outputs));
        Tensor dy = BACKEND.tensor(TestData.uniform(random, outputShape.size()), outputShape);
        try {
            WinogradConvolution.enabled = false;
            float[] y = BACKEND.conv2dWithBias(x, f, bias, SAME).toArray();
            float[] relu = BACKEND.conv2dWithBiasReluInto(x, f, bias, SAME, null).toArray();
            float[] dx = BACKEND.conv2dBackwardData(dy, f, SAME, inputShape).toArray();
            WinogradConvolution.enabled = true;
            TestData.assertClose(TestData.widen(y), BACKEND.conv2dWithBias(x, f, bias, SAME), outputShape, 1e-5);
            TestData.assertClose(TestData.widen(relu), BACKEND.conv2dWithBiasReluInto(x, f, bias, SAME, null), outputShape,
                    1e-5);
            TestData.assertClose(TestData.widen(dx), BACKEND.conv2dBackwardData(dy, f, SAME, inputShape), inputShape, 1e-5);
        } finally {
            WinogradConvolution.enabled = true;
        }
    }
}
