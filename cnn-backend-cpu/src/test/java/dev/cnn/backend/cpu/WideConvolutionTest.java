package dev.cnn.backend.cpu;

import static dev.cnn.backend.cpu.TestData.BACKEND;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The wide-grid paths ({@link WideConvolution}, {@link WideFilterGradient}, {@link WideDepthwise}) give what the
 * lowering and the row loops give, on random geometries with more channels and larger maps than the backend kit draws,
 * for all three passes.
 */
class WideConvolutionTest {

    @Property(tries = 60)
    void widePathsAgreeWithTheLowering(@ForAll @IntRange(min = 1, max = 3) int batch,
                                       @ForAll @IntRange(min = 1, max = 40) int channels,
                                       @ForAll @IntRange(min = 1, max = 40) int outputs,
                                       @ForAll @IntRange(min = 1, max = 30) int height,
                                       @ForAll @IntRange(min = 1, max = 30) int width,
                                       @ForAll @IntRange(min = 1, max = 5) int kernelH,
                                       @ForAll @IntRange(min = 1, max = 5) int kernelW,
                                       @ForAll @IntRange(min = 1, max = 3) int stride,
                                       @ForAll @IntRange(min = 0, max = 3) int padH,
                                       @ForAll @IntRange(min = 0, max = 3) int padW,
                                       @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Assume.that(height + 2 * padH >= kernelH && width + 2 * padW >= kernelW);
        ConvGeometry g = new ConvGeometry(stride, stride, padH, padW);
        Shape inputShape = Shape.of(batch, channels, height, width);
        Shape filterShape = Shape.of(outputs, channels, kernelH, kernelW);
        Shape outputShape = g.outputShape(inputShape, filterShape);
        Random random = new Random(seed);
        Tensor x = BACKEND.tensor(TestData.uniform(random, inputShape.size()), inputShape);
        Tensor f = BACKEND.tensor(TestData.uniform(random, filterShape.size()), filterShape);
        Tensor dy = BACKEND.tensor(TestData.uniform(random, outputShape.size()), outputShape);
        try {
            WideConvolution.enabled = false;
            float[] y = BACKEND.conv2d(x, f, g).toArray();
            float[] dx = BACKEND.conv2dBackwardData(dy, f, g, inputShape).toArray();
            float[] df = BACKEND.conv2dBackwardFilter(x, dy, g, filterShape).toArray();
            WideConvolution.enabled = true;
            TestData.assertClose(TestData.widen(y), BACKEND.conv2d(x, f, g), outputShape, 1e-5);
            TestData.assertClose(TestData.widen(dx), BACKEND.conv2dBackwardData(dy, f, g, inputShape), inputShape, 1e-5);
            TestData.assertClose(TestData.widen(df), BACKEND.conv2dBackwardFilter(x, dy, g, filterShape), filterShape, 1e-5);
        } finally {
            WideConvolution.enabled = true;
        }
    }

    @Property(tries = 60)
    void wideDepthwiseAgreesWithTheRowLoops(@ForAll @IntRange(min = 1, max = 3) int batch,
                                            @ForAll @IntRange(min = 1, max = 12) int channels,
                                            @ForAll @IntRange(min = 1, max = 3) int multiplier,
                                            @ForAll @IntRange(min = 1, max = 30) int height,
                                            @ForAll @IntRange(min = 1, max = 30) int width,
                                            @ForAll @IntRange(min = 1, max = 5) int kernelH,
                                            @ForAll @IntRange(min = 1, max = 5) int kernelW,
                                            @ForAll @IntRange(min = 0, max = 3) int padH,
                                            @ForAll @IntRange(min = 0, max = 3) int padW,
                                            @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Assume.that(height + 2 * padH >= kernelH && width + 2 * padW >= kernelW);
        ConvGeometry g = new ConvGeometry(1, 1, padH, padW);
        Shape inputShape = Shape.of(batch, channels, height, width);
        Shape filterShape = Shape.of(channels, multiplier, kernelH, kernelW);
        Shape outputShape = g.depthwiseOutputShape(inputShape, filterShape);
        Random random = new Random(seed);
        Tensor x = BACKEND.tensor(TestData.uniform(random, inputShape.size()), inputShape);
        Tensor f = BACKEND.tensor(TestData.uniform(random, filterShape.size()), filterShape);
        Tensor dy = BACKEND.tensor(TestData.uniform(random, outputShape.size()), outputShape);
        try {
            WideConvolution.enabled = false;
            float[] y = BACKEND.depthwiseConv2d(x, f, g).toArray();
            float[] dx = BACKEND.depthwiseConv2dBackwardData(dy, f, g, inputShape).toArray();
            float[] df = BACKEND.depthwiseConv2dBackwardFilter(x, dy, g, filterShape).toArray();
            WideConvolution.enabled = true;
            TestData.assertClose(TestData.widen(y), BACKEND.depthwiseConv2d(x, f, g), outputShape, 1e-5);
            TestData.assertClose(TestData.widen(dx), BACKEND.depthwiseConv2dBackwardData(dy, f, g, inputShape), inputShape, 1e-5);
            TestData.assertClose(TestData.widen(df), BACKEND.depthwiseConv2dBackwardFilter(x, dy, g, filterShape), filterShape,
                    1e-5);
        } finally {
            WideConvolution.enabled = true;
        }
    }
}
