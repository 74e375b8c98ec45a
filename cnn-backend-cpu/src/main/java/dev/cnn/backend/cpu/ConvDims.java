package dev.cnn.backend.cpu;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;

/**
 * Every size a convolution kernel needs, worked out once from the input and filter shapes.
 *
 * @param batch    images in the batch (N)
 * @param channels input channels (C)
 * @param height   input height (H)
 * @param width    input width (W)
 * @param outputs  output channels (O)
 * @param kernelH  filter height
 * @param kernelW  filter width
 * @param outH     output height
 * @param outW     output width
 * @param strideH  vertical stride
 * @param strideW  horizontal stride
 * @param padH     zero rows above and below
 * @param padW     zero columns left and right
 * @param dilationH vertical spacing of the filter's taps
 * @param dilationW horizontal spacing of the filter's taps
 */
record ConvDims(int batch, int channels, int height, int width, int outputs, int kernelH, int kernelW,
                int outH, int outW, int strideH, int strideW, int padH, int padW, int dilationH, int dilationW) {

    /** Without dilation. */
    ConvDims(int batch, int channels, int height, int width, int outputs, int kernelH, int kernelW, int outH, int outW,
             int strideH, int strideW, int padH, int padW) {
        this(batch, channels, height, width, outputs, kernelH, kernelW, outH, outW, strideH, strideW, padH, padW, 1, 1);
    }

    static ConvDims of(Shape input, Shape filter, ConvGeometry g) {
        Shape out = g.outputShape(input, filter);
        return new ConvDims(input.dim(0), input.dim(1), input.dim(2), input.dim(3), filter.dim(0),
                filter.dim(2), filter.dim(3), out.dim(2), out.dim(3), g.strideH(), g.strideW(), g.padH(), g.padW(),
                g.dilationH(), g.dilationW());
    }

    /** Whether the taps are adjacent; only such convolutions take the wide-grid kernels. */
    boolean undilated() {
        return dilationH == 1 && dilationW == 1;
    }

    /** Input rows one window spans: {@code (kH - 1) dilationH + 1}. */
    int spanH() {
        return (kernelH - 1) * dilationH + 1;
    }

    /** Input columns one window spans: {@code (kW - 1) dilationW + 1}. */
    int spanW() {
        return (kernelW - 1) * dilationW + 1;
    }

    /** Values in one input image: C*H*W. */
    int imageSize() {
        return channels * height * width;
    }

    /** Positions in one output channel: Ho*Wo. */
    int outPlane() {
        return outH * outW;
    }

    /** Values in one output image: O*Ho*Wo. */
    int outImageSize() {
        return outputs * outPlane();
    }

    /** Length of one unfolded receptive field, and of one filter: C*kH*kW. */
    int patchSize() {
        return channels * kernelH * kernelW;
    }
}
