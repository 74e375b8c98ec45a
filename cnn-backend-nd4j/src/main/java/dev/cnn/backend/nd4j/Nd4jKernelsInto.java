package dev.cnn.backend.nd4j;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.backend.ConvGradients;
import dev.cnn.api.backend.PoolGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;

/**
 * The ND4J backend's {@code ...Into} kernels: the native ops write into the given tensor's off-heap buffer when it is
 * a tensor of this backend with the result's shape that shares no buffer with an input, so a training step that
 * hands back its last results allocates no native memory for them (and triggers no collections to free it).
 * Otherwise they allocate, as the plain kernels do.
 */
abstract sealed class Nd4jKernelsInto implements Backend permits Nd4jPerChannelKernels {
    private static final int FEATURE_AXIS = 1;

    @Override
    public Tensor tensorInto(float[] data, Shape shape, Tensor out) {
        INDArray target = target(out, shape);
        if (target == null || data.length != shape.size()) {
            return tensor(data, shape);
        }
        target.data().setData(data);
        return out;
    }

    @Override
    public Tensor matmulInto(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out) {
        INDArray target = target(out, productShape(a, transposeA, b, transposeB), a, b);
        return result(out, target, MatrixProduct.multiply(array(a), transposeA, array(b), transposeB, target));
    }

    @Override
    public Tensor denseForwardInto(Tensor input, Tensor weight, Tensor bias, Tensor out) {
        Tensor product = matmulInto(input, false, weight, false, out);
        if (product != out) {
            return addPerChannel(product, bias);
        }
        INDArray target = array(out);
        Broadcast.add(target, array(bias), target, FEATURE_AXIS);
        return out;
    }

    @Override
    public Tensor conv2dInto(Tensor input, Tensor filter, ConvGeometry geometry, Tensor out) {
        Shape outputShape = geometry.outputShape(input.shape(), filter.shape());
        INDArray target = target(out, outputShape, input, filter);
        return result(out, target, Convolution.forward(array(input), array(filter), geometry, outputShape, target));
    }

    @Override
    public Tensor conv2dBackwardFilterInto(Tensor input, Tensor outputGradient, ConvGeometry geometry,
                                           Shape filterShape, Tensor out) {
        Nd4jBackend.requireOutputGradient("conv2dBackwardFilter", geometry.outputShape(input.shape(), filterShape),
                outputGradient);
        INDArray target = target(out, filterShape, input, outputGradient);
        return result(out, target,
                Convolution.backwardFilter(array(input), array(outputGradient), geometry, filterShape, target));
    }

    @Override
    public Tensor conv2dWithBiasInto(Tensor input, Tensor filter, Tensor bias, ConvGeometry geometry, Tensor out) {
        Shape outputShape = geometry.outputShape(input.shape(), filter.shape());
        INDArray target = target(out, outputShape, input, filter, bias);
        if (target == null) {
            return conv2dWithBias(input, filter, bias, geometry);
        }
        Convolution.forward(array(input), array(filter), array(bias), geometry, outputShape, target);
        return out;
    }

    @Override
    public ConvGradients conv2dBackwardInto(Tensor input, Tensor filter, Tensor outputGradient, ConvGeometry geometry,
                                            Tensor inputOut, Tensor filterOut) {
        Nd4jBackend.requireOutputGradient("conv2dBackward", geometry.outputShape(input.shape(), filter.shape()),
                outputGradient);
        INDArray inputTarget = target(inputOut, input.shape(), input, filter, outputGradient);
        INDArray filterTarget = target(filterOut, filter.shape(), input, filter, outputGradient);
        if (inputTarget != null && filterTarget != null && inputTarget.data() == filterTarget.data()) {
            filterTarget = null;
        }
        INDArray[] both = Convolution.backwardBoth(array(input), array(filter), array(outputGradient), geometry,
                inputTarget, filterTarget);
        return new ConvGradients(result(inputOut, inputTarget, both[0]), result(filterOut, filterTarget, both[1]));
    }

    @Override
    public Tensor maxPool2dInto(Tensor input, PoolGeometry geometry, Tensor out) {
        Shape outputShape = geometry.outputShape(input.shape());
        INDArray target = target(out, outputShape, input);
        return result(out, target, Pooling.maxForward(array(input), geometry, outputShape, target));
    }

    @Override
    public Tensor maxPool2dBackwardInto(Tensor input, Tensor outputGradient, PoolGeometry geometry, Tensor out) {
        Nd4jBackend.requireOutputGradient("maxPool2dBackward", geometry.outputShape(input.shape()), outputGradient);
        INDArray target = target(out, input.shape(), input, outputGradient);
        return result(out, target, Pooling.maxBackward(array(input), array(outputGradient), geometry, target));
    }

    /** Max pooling's gradient into {@code out}, then masked in place by the ReLU's output: no second whole tensor. */
    @Override
    public Tensor maxPool2dBackwardAfterReluInto(Tensor reluOutput, Tensor outputGradient, PoolGeometry geometry,
                                                  Tensor out) {
        Tensor pooled = maxPool2dBackwardInto(reluOutput, outputGradient, geometry, out);
        INDArray gradient = array(pooled);
        Activations.reluBackward(array(reluOutput), gradient, gradient);
        return pooled;
    }

    @Override
    public Tensor reluInto(Tensor x, Tensor out) {
        INDArray target = target(out, x.shape(), x);
        return target == null ? relu(x) : result(out, target, Activations.reluInto(array(x), target));
    }

    @Override
    public Tensor reluBackwardInto(Tensor x, Tensor outputGradient, Tensor out) {
        ShapeRules.requireSame("reluBackward", x.shape(), outputGradient.shape());
        INDArray target = target(out, x.shape(), x, outputGradient);
        return target == null ? reluBackward(x, outputGradient)
                : result(out, target, Activations.reluBackward(array(x), array(outputGradient), target));
    }

    @Override
    public Tensor addInto(Tensor a, Tensor b, Tensor out) {
        ShapeRules.requireSame("add", a.shape(), b.shape());
        INDArray target = target(out, a.shape(), a, b);
        return target == null ? add(a, b) : result(out, target, array(a).add(array(b), target));
    }

    /** The array of {@code out} when a result of {@code shape} may be written into it, else null. */
    final INDArray target(Tensor out, Shape shape, Tensor... inputs) {
        if (!(out instanceof Nd4jTensor n) || n.backend() != this || !out.shape().equals(shape)) { // shape may be null
            return null;
        }
        INDArray array = n.array();
        if (array.isView()) {
            return null;
        }
        long address = array.data().address();
        for (Tensor input : inputs) {
            if (input instanceof Nd4jTensor t && t.array().data().address() == address) {
                return null;
            }
        }
        return array;
    }

    /** {@code out} when the kernel wrote into its array, else a new tensor around {@code computed}. */
    final Tensor result(Tensor out, INDArray target, INDArray computed) {
        return target != null && computed == target ? out : wrap(computed);
    }

    /** Wraps a newly allocated result, counting its buffer towards the next garbage collection. */
    final Tensor wrap(INDArray array) {
        GarbageTrigger.allocated(array.length() * Float.BYTES);
        return new Nd4jTensor(array, (Nd4jBackend) this);
    }

    final INDArray array(Tensor t) {
        if (t instanceof Nd4jTensor n) {
            return n.array();
        }
        String owner = t == null ? "null" : t.backend() == null ? t.getClass().getName() : "'" + t.backend().name() + "'";
        throw new IllegalArgumentException("backend '" + name() + "' got a tensor " + (t == null ? "" : t.shape() + " ")
                + "of backend " + owner + "; copy it over with tensor(t.toArray(), t.shape())");
    }

    /** The shape of {@code op(a) * op(b)}, or null when either is not a matrix (the kernel then says why). */
    private static Shape productShape(Tensor a, boolean transposeA, Tensor b, boolean transposeB) {
        if (a.shape().rank() != 2 || b.shape().rank() != 2) {
            return null;
        }
        return Shape.of(a.shape().dim(transposeA ? 1 : 0), b.shape().dim(transposeB ? 0 : 1));
    }
}
