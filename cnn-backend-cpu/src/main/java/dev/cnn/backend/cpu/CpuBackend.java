package dev.cnn.backend.cpu;

import dev.cnn.api.backend.ChannelShapes;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The pure-Java reference backend, {@code "cpu"}: the kernels every other backend is checked against.
 * Convolutions and dense layers run as packed matrix multiplies with a register-blocked micro-kernel
 * (the Vector API where the JVM has {@code jdk.incubator.vector}, plain Java otherwise), with the work
 * spread over a pool of daemon threads, one per processor. Results do not depend on thread scheduling.
 */
public final class CpuBackend extends CpuSpatialKernels {
    /** The name of this backend and of its provider. */
    public static final String NAME = "cpu";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The matrix-multiply micro-kernel chosen when the backend was first loaded (Vector API or plain Java) and the
     * number of threads, in words.
     */
    public static String kernelDescription() {
        return MicroKernels.SELECTED.description() + ", " + Parallel.parallelism() + " threads";
    }

    private CpuTensor wrap(float[] data, Shape shape) {
        return new CpuTensor(data, shape, this);
    }

    // ---- making and moving tensors ----

    @Override
    public Tensor tensor(float[] data, Shape shape) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("shape " + shape + " needs " + shape.size() + " values, got " + data.length);
        }
        return wrap(data.clone(), shape);
    }

    @Override
    public Tensor tensorInto(float[] data, Shape shape, Tensor out) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("shape " + shape + " needs " + shape.size() + " values, got " + data.length);
        }
        float[] copy = Outputs.array(out, shape, data);
        System.arraycopy(data, 0, copy, 0, data.length);
        return Outputs.result(out, copy, shape, this);
    }

    @Override
    public Tensor zeros(Shape shape) {
        return wrap(new float[shape.size()], shape);
    }

    @Override
    public Tensor reshape(Tensor x, Shape shape) {
        CpuTensor t = Arguments.cpu(x);
        if (t.shape().size() != shape.size()) {
            throw new IllegalArgumentException("cannot reshape " + t.shape() + " to " + shape + ": sizes differ");
        }
        return wrap(t.data(), shape);
    }

    // ---- linear algebra ----

    @Override
    public Tensor matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB) {
        return matmulInto(a, transposeA, b, transposeB, null);
    }

    @Override
    public Tensor matmulInto(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out) {
        Arguments.rank("matmul", a, 2);
        Arguments.rank("matmul", b, 2);
        Shape as = a.shape();
        Shape bs = b.shape();
        int m = transposeA ? as.dim(1) : as.dim(0);
        int k = transposeA ? as.dim(0) : as.dim(1);
        int kb = transposeB ? bs.dim(1) : bs.dim(0);
        int n = transposeB ? bs.dim(0) : bs.dim(1);
        if (k != kb) {
            throw new IllegalArgumentException("matmul shapes do not fit: " + as + (transposeA ? "^T" : "") + " x "
                    + bs + (transposeB ? "^T" : ""));
        }
        Shape shape = Shape.of(m, n);
        float[] c = Outputs.array(out, shape, Arguments.data(a), Arguments.data(b));
        MatMul.multiplyInto(Arguments.data(a), transposeA, Arguments.data(b), transposeB, m, n, k, null, c);
        return Outputs.result(out, c, shape, this);
    }

    @Override
    public Tensor denseForward(Tensor input, Tensor weight, Tensor bias) {
        return denseForwardInto(input, weight, bias, null);
    }

    @Override
    public Tensor denseForwardInto(Tensor input, Tensor weight, Tensor bias, Tensor out) {
        Arguments.rank("denseForward", input, 2);
        Arguments.rank("denseForward", weight, 2);
        int m = input.shape().dim(0);
        int k = input.shape().dim(1);
        int n = weight.shape().dim(1);
        if (weight.shape().dim(0) != k) {
            throw new IllegalArgumentException("denseForward shapes do not fit: input " + input.shape() + ", weight "
                    + weight.shape());
        }
        Arguments.biasVector("denseForward", bias, n);
        Shape shape = Shape.of(m, n);
        float[] c = Outputs.array(out, shape, Arguments.data(input), Arguments.data(weight), Arguments.data(bias));
        MatMul.multiplyInto(Arguments.data(input), false, Arguments.data(weight), false, m, n, k,
                Arguments.data(bias), c);
        return Outputs.result(out, c, shape, this);
    }

    // ---- per-channel ----

    @Override
    public Tensor addPerChannel(Tensor x, Tensor bias) {
        Arguments.channelVector("addPerChannel", x, bias);
        Shape s = x.shape();
        return wrap(PerChannel.add(Arguments.data(x), Arguments.data(bias), s.dim(0), s.dim(1), Arguments.inner(s)), s);
    }

    @Override
    public Tensor scaleShiftPerChannel(Tensor x, Tensor scale, Tensor shift) {
        return scaleShiftPerChannelInto(x, scale, shift, null);
    }

    @Override
    public Tensor scaleShiftPerChannelInto(Tensor x, Tensor scale, Tensor shift, Tensor out) {
        Arguments.channelVector("scaleShiftPerChannel", x, scale);
        Arguments.channelVector("scaleShiftPerChannel", x, shift);
        Shape s = x.shape();
        float[] y = Outputs.array(out, s, Arguments.data(x), Arguments.data(scale), Arguments.data(shift));
        PerChannel.scaleShift(Arguments.data(x), Arguments.data(scale), Arguments.data(shift), s.dim(0), s.dim(1),
                Arguments.inner(s), y);
        return Outputs.result(out, y, s, this);
    }

    @Override
    public Tensor scaleAddPerChannelInto(Tensor x, Tensor xScale, Tensor y, Tensor yScale, Tensor shift, Tensor out) {
        Arguments.sameShape("scaleAddPerChannel", x, y);
        for (Tensor vector : List.of(xScale, yScale, shift)) {
            Arguments.channelVector("scaleAddPerChannel", x, vector);
        }
        Shape s = x.shape();
        float[] result = Outputs.array(out, s, Arguments.data(x), Arguments.data(y));
        PerChannel.scaleAdd(Arguments.data(x), Arguments.data(xScale), Arguments.data(y), Arguments.data(yScale),
                Arguments.data(shift), s.dim(0), s.dim(1), Arguments.inner(s), result);
        return Outputs.result(out, result, s, this);
    }

    @Override
    public Tensor sumOfCenteredProductsPerChannel(Tensor a, Tensor aCenter, Tensor b, Tensor bCenter) {
        Arguments.sameShape("sumOfCenteredProductsPerChannel", a, b);
        Arguments.channelVector("sumOfCenteredProductsPerChannel", a, aCenter);
        Arguments.channelVector("sumOfCenteredProductsPerChannel", a, bCenter);
        Shape s = a.shape();
        return wrap(PerChannel.centeredProductSum(Arguments.data(a), Arguments.data(aCenter), Arguments.data(b),
                Arguments.data(bCenter), s.dim(0), s.dim(1), Arguments.inner(s), new float[s.dim(1)]), Shape.of(s.dim(1)));
    }

    @Override
    public Tensor sumPerChannel(Tensor x) {
        return sumPerChannelInto(x, null);
    }

    @Override
    public Tensor sumPerChannelInto(Tensor x, Tensor out) {
        Shape s = Arguments.cpu(x).shape();
        if (s.rank() < 2) {
            throw new IllegalArgumentException("sumPerChannel needs x of rank 2 or more, got shape " + s);
        }
        Shape shape = Shape.of(s.dim(1));
        float[] sums = Outputs.array(out, shape, Arguments.data(x));
        PerChannel.sum(Arguments.data(x), s.dim(0), s.dim(1), Arguments.inner(s), sums);
        return Outputs.result(out, sums, shape, this);
    }

    // ---- activations ----

    @Override
    public Tensor relu(Tensor x) {
        return reluInto(x, null);
    }

    @Override
    public Tensor reluInto(Tensor x, Tensor out) {
        float[] y = Outputs.array(out, Arguments.cpu(x).shape(), Arguments.data(x));
        return Outputs.result(out, Activations.relu(Arguments.data(x), y), x.shape(), this);
    }

    @Override
    public Tensor reluBackward(Tensor x, Tensor outputGradient) {
        return reluBackwardInto(x, outputGradient, null);
    }

    @Override
    public Tensor reluBackwardInto(Tensor x, Tensor outputGradient, Tensor out) {
        Arguments.sameShape("reluBackward", x, outputGradient);
        float[] dx = Outputs.array(out, x.shape(), Arguments.data(x), Arguments.data(outputGradient));
        Activations.reluBackward(Arguments.data(x), Arguments.data(outputGradient), dx);
        return Outputs.result(out, dx, x.shape(), this);
    }

    @Override
    public Tensor leakyRelu(Tensor x, float alpha) {
        return wrap(Activations.leakyRelu(Arguments.data(x), alpha), x.shape());
    }

    @Override
    public Tensor leakyReluBackward(Tensor x, Tensor outputGradient, float alpha) {
        Arguments.sameShape("leakyReluBackward", x, outputGradient);
        return wrap(Activations.leakyReluBackward(Arguments.data(x), Arguments.data(outputGradient), alpha), x.shape());
    }

    @Override
    public Tensor sigmoid(Tensor x) {
        return wrap(Activations.sigmoid(Arguments.data(x)), x.shape());
    }

    @Override
    public Tensor sigmoidBackward(Tensor output, Tensor outputGradient) {
        Arguments.sameShape("sigmoidBackward", output, outputGradient);
        return wrap(Activations.sigmoidBackward(Arguments.data(output), Arguments.data(outputGradient)), output.shape());
    }

    @Override
    public Tensor tanh(Tensor x) {
        return wrap(Activations.tanh(Arguments.data(x)), x.shape());
    }

    @Override
    public Tensor tanhBackward(Tensor output, Tensor outputGradient) {
        Arguments.sameShape("tanhBackward", output, outputGradient);
        return wrap(Activations.tanhBackward(Arguments.data(output), Arguments.data(outputGradient)), output.shape());
    }

    @Override
    public Tensor softplus(Tensor x) {
        return wrap(Activations.softplus(Arguments.data(x)), x.shape());
    }

    @Override
    public Tensor softmax(Tensor x) {
        Arguments.rank("softmax", x, 2);
        return wrap(Softmax.forward(Arguments.data(x), x.shape().dim(0), x.shape().dim(1)), x.shape());
    }

    @Override
    public Tensor softmaxBackward(Tensor output, Tensor outputGradient) {
        Arguments.rank("softmaxBackward", output, 2);
        Arguments.sameShape("softmaxBackward", output, outputGradient);
        Shape s = output.shape();
        return wrap(Softmax.backward(Arguments.data(output), Arguments.data(outputGradient), s.dim(0), s.dim(1)), s);
    }

    @Override
    public Tensor logSoftmax(Tensor x) {
        Arguments.rank("logSoftmax", x, 2);
        return wrap(Softmax.logForward(Arguments.data(x), x.shape().dim(0), x.shape().dim(1)), x.shape());
    }

    // ---- the channel axis ----

    @Override
    public Tensor concatChannels(List<Tensor> parts) {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("concatChannels needs at least one tensor");
        }
        List<Shape> shapes = new ArrayList<>(parts.size());
        float[][] data = new float[parts.size()][];
        int[] channels = new int[parts.size()];
        for (int p = 0; p < parts.size(); p++) {
            data[p] = Arguments.data(parts.get(p));
            shapes.add(parts.get(p).shape());
            channels[p] = parts.get(p).shape().rank() >= 2 ? parts.get(p).shape().dim(1) : 0;
        }
        Shape out = ChannelShapes.concat(shapes);
        return wrap(ChannelKernels.concat(data, channels, out.dim(0), Arguments.inner(out)), out);
    }

    @Override
    public Tensor sliceChannels(Tensor x, int from, int count) {
        Shape out = ChannelShapes.slice(Arguments.cpu(x).shape(), from, count);
        Shape s = x.shape();
        return wrap(ChannelKernels.slice(Arguments.data(x), s.dim(0), s.dim(1), Arguments.inner(s), from, count), out);
    }

    // ---- element-wise arithmetic and reductions ----

    @Override
    public Tensor add(Tensor a, Tensor b) {
        return addInto(a, b, null);
    }

    @Override
    public Tensor addInto(Tensor a, Tensor b, Tensor out) {
        Arguments.sameShape("add", a, b);
        float[] c = Outputs.array(out, a.shape(), Arguments.data(a), Arguments.data(b));
        return Outputs.result(out, ElementWise.add(Arguments.data(a), Arguments.data(b), c), a.shape(), this);
    }

    @Override
    public void addInPlace(Tensor target, Tensor x) {
        Arguments.sameShape("addInPlace", target, x);
        if (Arguments.data(target) == Arguments.data(x)) {
            throw new IllegalArgumentException("addInPlace needs a target that shares no storage with x");
        }
        ElementWise.addInPlace(Arguments.data(target), Arguments.data(x));
    }

    @Override
    public Tensor subtract(Tensor a, Tensor b) {
        Arguments.sameShape("subtract", a, b);
        return wrap(ElementWise.subtract(Arguments.data(a), Arguments.data(b)), a.shape());
    }

    @Override
    public Tensor multiply(Tensor a, Tensor b) {
        Arguments.sameShape("multiply", a, b);
        return wrap(ElementWise.multiply(Arguments.data(a), Arguments.data(b)), a.shape());
    }

    @Override
    public Tensor scale(Tensor x, float factor) {
        return wrap(ElementWise.scale(Arguments.data(x), factor), x.shape());
    }

    @Override
    public double sum(Tensor x) {
        return ElementWise.sum(Arguments.data(x));
    }

    // ---- optimizer updates ----

    @Override
    public void sgdUpdateInPlace(Tensor param, Tensor grad, Tensor velocity,
                                 float learningRate, float momentum, boolean nesterov, float weightDecay) {
        Arguments.sameShape("sgdUpdateInPlace (param, grad)", param, grad);
        Arguments.sameShape("sgdUpdateInPlace (param, velocity)", param, velocity);
        OptimizerKernels.sgd(Arguments.data(param), Arguments.data(grad), Arguments.data(velocity),
                learningRate, momentum, nesterov, weightDecay);
    }

    @Override
    public void adamUpdateInPlace(Tensor param, Tensor grad, Tensor m, Tensor v, float learningRate,
                                  float beta1, float beta2, float epsilon, int step, float l2, float decoupledDecay) {
        if (step < 1) {
            throw new IllegalArgumentException("Adam step numbers start at 1, got " + step);
        }
        Arguments.sameShape("adamUpdateInPlace (param, grad)", param, grad);
        Arguments.sameShape("adamUpdateInPlace (param, m)", param, m);
        Arguments.sameShape("adamUpdateInPlace (param, v)", param, v);
        OptimizerKernels.adam(Arguments.data(param), Arguments.data(grad), Arguments.data(m), Arguments.data(v),
                learningRate, beta1, beta2, epsilon, step, l2, decoupledDecay);
    }

    @Override
    public void rmsPropUpdateInPlace(Tensor param, Tensor grad, Tensor meanSquare,
                                     float learningRate, float rho, float epsilon, float weightDecay) {
        Arguments.sameShape("rmsPropUpdateInPlace (param, grad)", param, grad);
        Arguments.sameShape("rmsPropUpdateInPlace (param, meanSquare)", param, meanSquare);
        OptimizerKernels.rmsProp(Arguments.data(param), Arguments.data(grad), Arguments.data(meanSquare),
                learningRate, rho, epsilon, weightDecay);
    }

    @Override
    public String toString() {
        return "CpuBackend(threads=" + Parallel.parallelism() + ")";
    }
}
