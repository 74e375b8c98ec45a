package dev.cnn.api.backend;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.List;

/**
 * The kernels a compute backend provides. Layers, losses and optimizers are written once against
 * this surface; a backend holds no layer logic.
 *
 * <p>Rules every kernel follows: inputs are never modified, except by the methods whose names end
 * in {@code InPlace}; every returned tensor is new (it never aliases an input, except
 * {@link #reshape} and the {@code out} of the {@code ...Into} methods); shapes are checked and a mismatch throws {@link IllegalArgumentException}
 * naming the shapes. Tensors are row-major float32 and images are {@code [N, C, H, W]}. Rank-2
 * tensors {@code [N, F]} count as having {@code F} channels for the per-channel kernels.
 *
 * <p>The methods whose names end in {@code Into} compute what the kernel of the same name without {@code Into}
 * computes, and may write the result into a tensor the caller gives ({@code out}) instead of a new one, so that a
 * training step reuses its buffers from one step to the next. {@code out} may be null; it is used only when it is a
 * tensor of this backend with exactly the result's shape that shares no storage with any other argument, and its
 * previous values (garbage, NaN) never matter. They return the result: {@code out} itself, or a new tensor. The
 * defaults call the kernel without {@code Into}, so a backend without reuse gets them for free. The caller passes as
 * {@code out} only a tensor that nobody else reads any more, normally the result of the previous call of the same
 * kernel ({@link dev.cnn.api.layer.Layer#reuseBuffers}).
 *
 * <p>The compatibility kit ({@code cnn-backend-tck}) checks every kernel here against the pure-Java
 * reference backend.
 */
public interface Backend extends OptimizerKernels {

    /** A short lowercase name, the same as its provider's, for example {@code "cpu"}. */
    String name();

    // ---- making and moving tensors ----

    /** A tensor holding a copy of {@code data}, which must have exactly {@code shape.size()} values. */
    Tensor tensor(float[] data, Shape shape);

    /** A tensor of zeros. */
    Tensor zeros(Shape shape);

    /** The same values seen with another shape of the same size; may share storage with {@code x}. */
    Tensor reshape(Tensor x, Shape shape);

    // ---- linear algebra ----

    /**
     * Matrix product {@code op(a) * op(b)} of rank-2 tensors, where {@code op} transposes when asked.
     * With {@code op(a)} of shape {@code [m, k]} and {@code op(b)} of shape {@code [k, n]}, returns
     * {@code [m, n]}.
     */
    Tensor matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB);

    /**
     * A dense layer's forward pass, {@code input[N, I] * weight[I, U] + bias[U]}, as one kernel where the backend
     * fuses the bias into the product. The default composes {@link #matmul} and {@link #addPerChannel}.
     */
    default Tensor denseForward(Tensor input, Tensor weight, Tensor bias) {
        return addPerChannel(matmul(input, false, weight, false), bias);
    }

    // ---- per-channel (axis 1) operations ----

    /** {@code x[n, c, ...] + bias[c]} for {@code x} of rank 2 or 4 and {@code bias} of shape {@code [C]}. */
    Tensor addPerChannel(Tensor x, Tensor bias);

    /** {@code x[n, c, ...] * scale[c] + shift[c]}; {@code scale} and {@code shift} have shape {@code [C]}. */
    Tensor scaleShiftPerChannel(Tensor x, Tensor scale, Tensor shift);

    /** Sums over every axis but axis 1: returns shape {@code [C]}. */
    Tensor sumPerChannel(Tensor x);

    // ---- the channel axis (axis 1): joining and splitting ----

    /**
     * Joins {@code parts} along axis 1, in order: each part has the same rank (2 or more) and the same
     * dimensions except axis 1; returns {@code [N, C1 + C2 + ..., ...]}, as {@link ChannelShapes#concat}. One part
     * gives a copy of it.
     */
    Tensor concatChannels(List<Tensor> parts);

    /**
     * Channels {@code from} to {@code from + count - 1} of {@code x} (rank 2 or more) along axis 1, as a new tensor
     * {@code [N, count, ...]}; the inverse of {@link #concatChannels}, as {@link ChannelShapes#slice}.
     */
    Tensor sliceChannels(Tensor x, int from, int count);

    // ---- convolution ----

    /**
     * Cross-correlation of {@code input} {@code [N, C, H, W]} with {@code filter} {@code [O, C, kH, kW]}
     * (no bias), zero padded, honouring stride and dilation; returns {@code [N, O, Ho, Wo]} as
     * {@link ConvGeometry#outputShape}. The same holds for every {@code conv2d...} kernel below.
     */
    Tensor conv2d(Tensor input, Tensor filter, ConvGeometry geometry);

    /**
     * {@link #conv2d} plus {@code bias[o]} on every position of output channel {@code o} ({@code bias} of shape
     * {@code [O]}), as one kernel where the backend fuses them. The default composes {@link #conv2d} and
     * {@link #addPerChannel}.
     */
    default Tensor conv2dWithBias(Tensor input, Tensor filter, Tensor bias, ConvGeometry geometry) {
        return addPerChannel(conv2d(input, filter, geometry), bias);
    }

    /** Gradient of {@link #conv2d} with respect to its input, given the output gradient; shape {@code inputShape}. */
    Tensor conv2dBackwardData(Tensor outputGradient, Tensor filter, ConvGeometry geometry, Shape inputShape);

    /** Gradient of {@link #conv2d} with respect to its filter, given the input and output gradient; shape {@code filterShape}. */
    Tensor conv2dBackwardFilter(Tensor input, Tensor outputGradient, ConvGeometry geometry, Shape filterShape);

    /**
     * Both gradients of {@link #conv2d} at once. The default calls {@link #conv2dBackwardData} and
     * {@link #conv2dBackwardFilter}; a backend whose native op computes both together overrides it.
     */
    default ConvGradients conv2dBackward(Tensor input, Tensor filter, Tensor outputGradient, ConvGeometry geometry) {
        return new ConvGradients(conv2dBackwardData(outputGradient, filter, geometry, input.shape()),
                conv2dBackwardFilter(input, outputGradient, geometry, filter.shape()));
    }

    // ---- depthwise convolution (one group per input channel, any dilation) ----

    /**
     * Depthwise cross-correlation of {@code input} {@code [N, C, H, W]} with {@code filter} {@code [C, M, kH, kW]}:
     * each input channel {@code c} is convolved on its own with its {@code M} kernels, giving output channels
     * {@code c M .. c M + M - 1} of {@code [N, C M, Ho, Wo]} ({@link ConvGeometry#depthwiseOutputShape}). Honours
     * stride, padding and dilation; no bias.
     */
    Tensor depthwiseConv2d(Tensor input, Tensor filter, ConvGeometry geometry);

    /** Gradient of {@link #depthwiseConv2d} with respect to its input, given the output gradient; shape {@code inputShape}. */
    Tensor depthwiseConv2dBackwardData(Tensor outputGradient, Tensor filter, ConvGeometry geometry, Shape inputShape);

    /** Gradient of {@link #depthwiseConv2d} with respect to its filter, given the input and output gradient; shape {@code filterShape}. */
    Tensor depthwiseConv2dBackwardFilter(Tensor input, Tensor outputGradient, ConvGeometry geometry, Shape filterShape);

    /** {@link #depthwiseConv2d}, written into {@code out} where the backend can (null: a new tensor). */
    default Tensor depthwiseConv2dInto(Tensor input, Tensor filter, ConvGeometry geometry, Tensor out) {
        return depthwiseConv2d(input, filter, geometry);
    }

    /** {@link #depthwiseConv2dBackwardData}, written into {@code out} where the backend can (null: a new tensor). */
    default Tensor depthwiseConv2dBackwardDataInto(Tensor outputGradient, Tensor filter, ConvGeometry geometry,
                                                   Shape inputShape, Tensor out) {
        return depthwiseConv2dBackwardData(outputGradient, filter, geometry, inputShape);
    }

    // ---- pooling ----

    /**
     * Max over each window of each channel; padding never wins. Every pooling kernel honours the geometry's
     * {@link PoolGeometry#ceilMode}; the averages honour its {@link PoolGeometry#countIncludePad}.
     */
    Tensor maxPool2d(Tensor input, PoolGeometry geometry);

    /**
     * Gradient of {@link #maxPool2d}: each output gradient goes to the position of its window's
     * maximum; on ties, to the first maximum in row-major order within the window. Windows that
     * overlap add up.
     */
    Tensor maxPool2dBackward(Tensor input, Tensor outputGradient, PoolGeometry geometry);

    /** Mean over each window of each channel, counting only positions inside the input. */
    Tensor avgPool2d(Tensor input, PoolGeometry geometry);

    /** Gradient of {@link #avgPool2d}, shape {@code inputShape}. */
    Tensor avgPool2dBackward(Tensor outputGradient, PoolGeometry geometry, Shape inputShape);

    // ---- padding ----

    /**
     * {@code x} {@code [N, C, H, W]} with {@code pads} rows and columns of {@code value} added around every feature
     * map: {@code [N, C, H + top + bottom, W + left + right]}, as {@link PadGeometry#outputShape}. The default goes
     * through {@link Tensor#toArray} and {@link #tensor}, so every backend has it.
     */
    default Tensor pad2d(Tensor x, PadGeometry pads, float value) {
        return tensor(Padding.pad(x.toArray(), x.shape(), pads, value), pads.outputShape(x.shape()));
    }

    /**
     * The gradient of {@link #pad2d} with respect to its input: {@code outputGradient} without the padded rows and
     * columns, {@code [N, C, H, W]} as {@link PadGeometry#inputShape}. The default goes through {@link Tensor#toArray}
     * and {@link #tensor}.
     */
    default Tensor pad2dBackward(Tensor outputGradient, PadGeometry pads) {
        Shape input = pads.inputShape(outputGradient.shape());
        return tensor(Padding.crop(outputGradient.toArray(), outputGradient.shape(), pads), input);
    }

    // ---- activations (element-wise) and their gradients ----

    /** {@code max(x, 0)}; NaN stays NaN, so a diverged network is noticed. */
    Tensor relu(Tensor x);

    /** {@code dy} where {@code x > 0}, else 0. */
    Tensor reluBackward(Tensor x, Tensor outputGradient);

    /** {@code x} where {@code x > 0}, else {@code alpha * x}. */
    Tensor leakyRelu(Tensor x, float alpha);

    /** {@code dy} where {@code x > 0}, else {@code alpha * dy}. */
    Tensor leakyReluBackward(Tensor x, Tensor outputGradient, float alpha);

    /** {@code 1 / (1 + exp(-x))}. */
    Tensor sigmoid(Tensor x);

    /** {@code dy * y * (1 - y)}, given the sigmoid's output {@code y}. */
    Tensor sigmoidBackward(Tensor output, Tensor outputGradient);

    /** Hyperbolic tangent. */
    Tensor tanh(Tensor x);

    /** {@code dy * (1 - y^2)}, given the tanh's output {@code y}. */
    Tensor tanhBackward(Tensor output, Tensor outputGradient);

    /** {@code log(1 + exp(x))}, computed without overflow. */
    Tensor softplus(Tensor x);

    /** Softmax over the last axis of a rank-2 tensor {@code [N, K]}. */
    Tensor softmax(Tensor x);

    /** {@code y * (dy - sum(dy * y))} per row, given the softmax's output {@code y}. */
    Tensor softmaxBackward(Tensor output, Tensor outputGradient);

    /** Log of the softmax over the last axis of {@code [N, K]}, computed stably. */
    Tensor logSoftmax(Tensor x);

    // ---- element-wise arithmetic and reductions ----

    /** {@code a + b}; same shapes. */
    Tensor add(Tensor a, Tensor b);

    /** {@code a - b}; same shapes. */
    Tensor subtract(Tensor a, Tensor b);

    /** {@code a * b}, element by element; same shapes. */
    Tensor multiply(Tensor a, Tensor b);

    /** {@code x * factor}. */
    Tensor scale(Tensor x, float factor);

    /** The sum of all elements, accumulated in double precision. */
    double sum(Tensor x);

    // ---- writing into a given tensor (see the class comment); the defaults allocate ----

    /** {@link #tensor}, copying {@code data} into {@code out} where it can. */
    default Tensor tensorInto(float[] data, Shape shape, Tensor out) {
        return tensor(data, shape);
    }

    /** {@link #matmul}, written into {@code out} where the backend can. */
    default Tensor matmulInto(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out) {
        return matmul(a, transposeA, b, transposeB);
    }

    /** {@link #denseForward}, written into {@code out} where the backend can. */
    default Tensor denseForwardInto(Tensor input, Tensor weight, Tensor bias, Tensor out) {
        return denseForward(input, weight, bias);
    }

    /** {@link #sumPerChannel}, written into {@code out} where the backend can. */
    default Tensor sumPerChannelInto(Tensor x, Tensor out) {
        return sumPerChannel(x);
    }

    /**
     * Per channel {@code c}, the sum over every element of that channel of {@code (a - aCenter[c]) * (b -
     * bCenter[c])}, for {@code a} and {@code b} of the same shape {@code [N, C, ...]} and centres of shape {@code
     * [C]}: with {@code a = b = x} and the mean as both centres, the sum of squared deviations of batch
     * normalisation; with a zero {@code aCenter}, the sum of products of its backward pass. Returns {@code [C]}.
     * The default composes {@link #scaleShiftPerChannel}, {@link #multiply} and {@link #sumPerChannel}.
     */
    default Tensor sumOfCenteredProductsPerChannel(Tensor a, Tensor aCenter, Tensor b, Tensor bCenter) {
        Tensor ones = tensor(filled(aCenter.shape().size(), 1f), aCenter.shape());
        Tensor centeredA = scaleShiftPerChannel(a, ones, tensor(negated(aCenter), aCenter.shape()));
        Tensor centeredB = scaleShiftPerChannel(b, ones, tensor(negated(bCenter), bCenter.shape()));
        return sumPerChannel(multiply(centeredA, centeredB));
    }

    /** {@link #scaleShiftPerChannel}, written into {@code out} where the backend can. */
    default Tensor scaleShiftPerChannelInto(Tensor x, Tensor scale, Tensor shift, Tensor out) {
        return scaleShiftPerChannel(x, scale, shift);
    }

    /**
     * {@code x * xScale[c] + y * yScale[c] + shift[c]} for {@code x} and {@code y} of the same shape {@code [N, C,
     * ...]} and vectors of shape {@code [C]}, in one pass where the backend can (batch normalisation's input
     * gradient), written into {@code out} where it can. The default adds two {@link #scaleShiftPerChannel}s.
     */
    default Tensor scaleAddPerChannelInto(Tensor x, Tensor xScale, Tensor y, Tensor yScale, Tensor shift, Tensor out) {
        return add(scaleShiftPerChannel(x, xScale, zeros(shift.shape())), scaleShiftPerChannel(y, yScale, shift));
    }

    private static float[] negated(Tensor x) {
        float[] values = x.toArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = -values[i];
        }
        return values;
    }

    private static float[] filled(int length, float value) {
        float[] values = new float[length];
        java.util.Arrays.fill(values, value);
        return values;
    }

    /** {@link #conv2d}, written into {@code out} where the backend can. */
    default Tensor conv2dInto(Tensor input, Tensor filter, ConvGeometry geometry, Tensor out) {
        return conv2d(input, filter, geometry);
    }

    /** {@link #conv2dWithBias}, written into {@code out} where the backend can. */
    default Tensor conv2dWithBiasInto(Tensor input, Tensor filter, Tensor bias, ConvGeometry geometry, Tensor out) {
        return conv2dWithBias(input, filter, bias, geometry);
    }

    /**
     * {@code relu(conv2dWithBias(input, filter, bias))} as one kernel where the backend fuses them (the ReLU applied to
     * each image's output while it is in cache), written into {@code out} where it can: for inference through a
     * convolution, its folded batch normalisation and a ReLU. The default composes the two.
     */
    default Tensor conv2dWithBiasReluInto(Tensor input, Tensor filter, Tensor bias, ConvGeometry geometry, Tensor out) {
        return reluInto(conv2dWithBias(input, filter, bias, geometry), out);
    }

    /**
     * {@link #conv2dBackward}, written into {@code inputOut} and {@code filterOut} where the backend can (either may
     * be null); the default calls {@link #conv2dBackward}, so a backend's fused op keeps being used.
     */
    default ConvGradients conv2dBackwardInto(Tensor input, Tensor filter, Tensor outputGradient, ConvGeometry geometry,
                                             Tensor inputOut, Tensor filterOut) {
        return conv2dBackward(input, filter, outputGradient, geometry);
    }

    /** {@link #conv2dBackwardFilter}, written into {@code out} where the backend can. */
    default Tensor conv2dBackwardFilterInto(Tensor input, Tensor outputGradient, ConvGeometry geometry,
                                            Shape filterShape, Tensor out) {
        return conv2dBackwardFilter(input, outputGradient, geometry, filterShape);
    }

    /** {@link #maxPool2d}, written into {@code out} where the backend can. */
    default Tensor maxPool2dInto(Tensor input, PoolGeometry geometry, Tensor out) {
        return maxPool2d(input, geometry);
    }

    /** {@link #maxPool2dBackward}, written into {@code out} where the backend can. */
    default Tensor maxPool2dBackwardInto(Tensor input, Tensor outputGradient, PoolGeometry geometry, Tensor out) {
        return maxPool2dBackward(input, outputGradient, geometry);
    }

    /**
     * The gradient of {@code maxPool2d(relu(x))} with respect to {@code x}, from the ReLU's output
     * {@code reluOutput = relu(x)}: each output gradient goes to its window's maximum when that maximum is positive,
     * and nowhere when it is not. It is {@link #reluBackward} of {@link #maxPool2dBackward}, in one pass over the
     * input instead of two, written into {@code out} where the backend can; the default composes the two.
     */
    default Tensor maxPool2dBackwardAfterReluInto(Tensor reluOutput, Tensor outputGradient, PoolGeometry geometry,
                                                  Tensor out) {
        return reluBackwardInto(reluOutput, maxPool2dBackward(reluOutput, outputGradient, geometry), out);
    }

    /** {@link #relu}, written into {@code out} where the backend can. */
    default Tensor reluInto(Tensor x, Tensor out) {
        return relu(x);
    }

    /** {@link #reluBackward}, written into {@code out} where the backend can. */
    default Tensor reluBackwardInto(Tensor x, Tensor outputGradient, Tensor out) {
        return reluBackward(x, outputGradient);
    }

    /** {@link #add}, written into {@code out} where the backend can. */
    default Tensor addInto(Tensor a, Tensor b, Tensor out) {
        return add(a, b);
    }

    /**
     * {@code target += x} (same shapes), modifying {@code target}, which must share no storage with {@code x}: for
     * gradients that accumulate into a buffer. The default is an {@link #sgdUpdateInPlace} with learning rate -1 and
     * no momentum, which adds exactly {@code x} where {@code target} is finite.
     */
    default void addInPlace(Tensor target, Tensor x) {
        sgdUpdateInPlace(target, x, zeros(target.shape()), -1f, 0f, false, 0f);
    }
}
