package dev.cnn.backend.cpu;

import static dev.cnn.backend.cpu.TestData.BACKEND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reference depthwise kernels against the reference conv2d: a depthwise convolution is a full convolution whose
 * filter is zero off its own input channel, and a dilated kernel is an undilated one with zeros between its taps.
 */
class DepthwiseTest {

    /** The conv2d filter {@code [C M, C, span, span]} equal to the depthwise filter {@code [C, M, k, k]} dilated {@code d}. */
    private static float[] asFullFilter(float[] depthwise, int c, int m, int kh, int kw, int dh, int dw) {
        int sh = (kh - 1) * dh + 1;
        int sw = (kw - 1) * dw + 1;
        float[] full = new float[c * m * c * sh * sw];
        for (int ch = 0; ch < c; ch++) {
            for (int k = 0; k < m; k++) {
                int out = ch * m + k;
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        full[((out * c + ch) * sh + i * dh) * sw + j * dw] = depthwise[((ch * m + k) * kh + i) * kw + j];
                    }
                }
            }
        }
        return full;
    }

    @Test
    void depthwiseIsAFullConvolutionZeroOffItsChannelOnRandomGeometries() {
        Random random = new Random(17);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + random.nextInt(3);
            int c = 1 + random.nextInt(4);
            int m = 1 + random.nextInt(3);
            int kh = 1 + random.nextInt(3);
            int kw = 1 + random.nextInt(3);
            int dh = 1 + random.nextInt(3);
            int dw = 1 + random.nextInt(3);
            int ph = random.nextInt(3);
            int pw = random.nextInt(3);
            int sh = 1 + random.nextInt(2);
            int sw = 1 + random.nextInt(2);
            int h = (kh - 1) * dh + 1 + random.nextInt(6);
            int w = (kw - 1) * dw + 1 + random.nextInt(6);
            Shape inputShape = Shape.of(n, c, h, w);
            Shape filterShape = Shape.of(c, m, kh, kw);
            float[] x = TestData.uniform(random, inputShape.size());
            float[] f = TestData.uniform(random, filterShape.size());
            ConvGeometry dilated = new ConvGeometry(sh, sw, ph, pw, dh, dw);
            Shape fullShape = Shape.of(c * m, c, (kh - 1) * dh + 1, (kw - 1) * dw + 1);
            Tensor full = BACKEND.tensor(asFullFilter(f, c, m, kh, kw, dh, dw), fullShape);
            ConvGeometry plain = new ConvGeometry(sh, sw, ph, pw);
            Tensor input = BACKEND.tensor(x, inputShape);
            Tensor filter = BACKEND.tensor(f, filterShape);

            Tensor expected = BACKEND.conv2d(input, full, plain);
            Tensor actual = BACKEND.depthwiseConv2d(input, filter, dilated);
            assertArrayEquals(expected.toArray(), actual.toArray(), 1e-5f, "forward, trial " + trial);

            float[] dy = TestData.uniform(random, expected.shape().size());
            Tensor g = BACKEND.tensor(dy, expected.shape());
            assertArrayEquals(BACKEND.conv2dBackwardData(g, full, plain, inputShape).toArray(),
                    BACKEND.depthwiseConv2dBackwardData(g, filter, dilated, inputShape).toArray(), 1e-5f,
                    "backward data, trial " + trial);
            float[] fullGradient = BACKEND.conv2dBackwardFilter(input, g, plain, fullShape).toArray();
            float[] depthwiseGradient = BACKEND.depthwiseConv2dBackwardFilter(input, g, dilated, filterShape).toArray();
            int span = fullShape.dim(2) * fullShape.dim(3);
            for (int ch = 0; ch < c; ch++) {
                for (int k = 0; k < m; k++) {
                    for (int i = 0; i < kh; i++) {
                        for (int j = 0; j < kw; j++) {
                            float want = fullGradient[((ch * m + k) * c + ch) * span + i * dh * fullShape.dim(3) + j * dw];
                            float got = depthwiseGradient[((ch * m + k) * kh + i) * kw + j];
                            assertTrue(Math.abs(want - got) <= 1e-4f * (1 + Math.abs(want)),
                                    "backward filter, trial " + trial + ": " + want + " vs " + got);
                        }
                    }
                }
            }
        }
    }

    @Test
    void depthwiseWithTheWrongChannelsNamesBothShapes() {
        Tensor x = BACKEND.zeros(Shape.of(1, 2, 5, 5));
        var channels = assertThrows(IllegalArgumentException.class,
                () -> BACKEND.depthwiseConv2d(x, BACKEND.zeros(Shape.of(3, 1, 3, 3)), new ConvGeometry(1, 1, 0, 0)));
        assertTrue(channels.getMessage().contains("[1, 2, 5, 5]") && channels.getMessage().contains("[3, 1, 3, 3]"),
                channels.getMessage());
    }
}
