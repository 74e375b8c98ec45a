package dev.cnn.backend.nd4j;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The ND4J backend's per-channel kernels beyond the plain ones, which batch normalisation is made of: the SPI's
 * defaults compose them from several whole-tensor kernels, each allocating its result, where these run libnd4j's
 * broadcasting ops and BLAS sums ({@link PerChannel}) into the given tensor, with their temporaries in
 * {@link Scratch}. Measured on vgg-small's second batch norm (64 x 32 x 28 x 28): forward 250 and backward 309 us
 * per image with the defaults (cnn bench --profile).
 */
abstract sealed class Nd4jPerChannelKernels extends Nd4jKernelsInto permits Nd4jDepthwiseKernels {

    @Override
    public Tensor sumPerChannelInto(Tensor x, Tensor out) {
        ShapeRules.requireRank("sumPerChannel", "x", x.shape(), 2, 3, 4, 5);
        INDArray target = target(out, Shape.of(x.shape().dim(1)), x);
        return result(out, target, PerChannel.sum(array(x), target));
    }

    @Override
    public Tensor scaleShiftPerChannelInto(Tensor x, Tensor scale, Tensor shift, Tensor out) {
        ShapeRules.requireChannelVector("scaleShiftPerChannel", x.shape(), scale.shape());
        ShapeRules.requireChannelVector("scaleShiftPerChannel", x.shape(), shift.shape());
        INDArray target = target(out, x.shape(), x, scale, shift);
        return result(out, target, PerChannel.scaleShift(array(x), array(scale), array(shift), target));
    }

    @Override
    public Tensor sumOfCenteredProductsPerChannel(Tensor a, Tensor aCenter, Tensor b, Tensor bCenter) {
        ShapeRules.requireSame("sumOfCenteredProductsPerChannel", a.shape(), b.shape());
        ShapeRules.requireChannelVector("sumOfCenteredProductsPerChannel", a.shape(), aCenter.shape());
        ShapeRules.requireChannelVector("sumOfCenteredProductsPerChannel", a.shape(), bCenter.shape());
        return wrap(PerChannel.sumOfCenteredProducts(array(a), array(aCenter), array(b), array(bCenter)));
    }

    @Override
    public Tensor scaleAddPerChannelInto(Tensor x, Tensor xScale, Tensor y, Tensor yScale, Tensor shift, Tensor out) {
        ShapeRules.requireSame("scaleAddPerChannelInto", x.shape(), y.shape());
        for (Tensor vector : new Tensor[] {xScale, yScale, shift}) {
            ShapeRules.requireChannelVector("scaleAddPerChannelInto", x.shape(), vector.shape());
        }
        INDArray target = target(out, x.shape(), x, xScale, y, yScale, shift);
        return result(out, target,
                PerChannel.scaleAdd(array(x), array(xScale), array(y), array(yScale), array(shift), target));
    }
}
