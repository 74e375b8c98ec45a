package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.List;
import java.util.Optional;

/**
 * Inference with a batch normalisation folded into the convolution before it (a plain or a separable one, whose
 * pointwise filter takes the scale): the convolution runs with its filter
 * scaled per output channel by the normalisation's {@code gamma / sqrt(runningVariance + epsilon)} and a bias of
 * {@code beta - runningMean * scale} (plus its own bias, scaled), and the normalisation passes its input on, so the
 * convolution's output is never read and written a second time. The folded filter is worked out at every call, from
 * the parameters as they are then (a few thousand multiplies against the convolution's millions). The graph runtime
 * uses these stand-ins only for inference outside {@code activations()}, whose pictures show every node's own output;
 * training and the layers it was given keep their own behaviour. A ReLU that alone reads the normalisation's output
 * can be folded in too ({@link #withRelu}), on backends with the fused kernel
 * ({@link Backend#conv2dWithBiasReluInto}): its pass over the output goes with the convolution's, while the output is
 * in cache.
 */
public final class ConvBatchNormFold {
    /** Set to {@code false} to leave ReLUs out of the folding, for comparisons; read when a network is built. */
    public static final String RELU_PROPERTY = "cnn.inference.foldRelu";

    private ConvBatchNormFold() {
    }

    /**
     * Inference stand-ins for {@code conv} and {@code norm}, in that order, when they are this library's convolution
     * and batch normalisation; empty otherwise. Only valid when {@code norm} is the sole reader of {@code conv}'s
     * output and that output is no output of the network.
     */
    public static Optional<List<Layer>> of(Layer conv, Layer norm) {
        if (conv instanceof FoldableConvolution convolution && norm instanceof BatchNormLayer normalisation
                && convolution.foldedWeight().shape().dim(0) == normalisation.channels()) {
            return Optional.of(List.of(new FoldedConv(convolution, normalisation, false), new AlreadyApplied(norm)));
        }
        return Optional.empty();
    }

    /**
     * Inference stand-ins for {@code conv}, {@code norm} and {@code relu}, in that order, when {@link #of} folds the
     * first two, {@code relu} is a ReLU and the convolution's backend implements the fused kernel itself (the
     * interface's default would compose an allocating ReLU); empty otherwise. Only valid when {@code relu} is also the
     * sole reader of {@code norm}'s output and that output is no output of the network.
     */
    public static Optional<List<Layer>> withRelu(Layer conv, Layer norm, Layer relu) {
        if (!"false".equals(System.getProperty(RELU_PROPERTY)) && of(conv, norm).isPresent() && relu.config() instanceof ReLU
                && hasFusedKernel(((FoldableConvolution) conv).backend())) {
            return Optional.of(List.of(new FoldedConv((FoldableConvolution) conv, (BatchNormLayer) norm, true),
                    new AlreadyApplied(norm), new AlreadyApplied(relu)));
        }
        return Optional.empty();
    }

    private static boolean hasFusedKernel(Backend backend) {
        try {
            return backend.getClass().getMethod("conv2dWithBiasReluInto", Tensor.class, Tensor.class, Tensor.class,
                    ConvGeometry.class, Tensor.class).getDeclaringClass() != Backend.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The convolution with the normalisation folded into its filter and bias. */
    private static final class FoldedConv implements Layer {
        private final FoldableConvolution conv;
        private final BatchNormLayer norm;
        private final boolean relu;
        private final Buffer output = new Buffer();
        private boolean reuse;

        FoldedConv(FoldableConvolution conv, BatchNormLayer norm, boolean relu) {
            this.conv = conv;
            this.norm = norm;
            this.relu = relu;
        }

        @Override
        public LayerConfig config() {
            return conv.config();
        }

        @Override
        public Tensor forward(Tensor input, boolean training) {
            if (training) {
                return conv.forward(input, true);
            }
            int channels = norm.channels();
            float[] scale = new float[channels];
            float[] shift = new float[channels];
            norm.inferenceScaleAndShift(scale, shift);
            Tensor weight = conv.foldedWeight().value();
            float[] filter = weight.toArray();
            int perChannel = filter.length / channels;
            for (int o = 0; o < channels; o++) {
                for (int i = o * perChannel; i < (o + 1) * perChannel; i++) {
                    filter[i] *= scale[o];
                }
            }
            if (conv.bias() != null) {
                float[] bias = conv.bias().value().toArray();
                for (int o = 0; o < channels; o++) {
                    shift[o] += bias[o] * scale[o];
                }
            }
            Backend backend = conv.backend();
            return output.keep(conv.forwardWith(input, backend.tensor(filter, weight.shape()),
                    backend.tensor(shift, Shape.of(channels)), relu, output.target(reuse)), reuse);
        }

        @Override
        public Tensor backward(Tensor outputGradient) {
            return conv.backward(outputGradient);
        }

        @Override
        public void reuseBuffers(boolean value) {
            reuse = value;
            conv.reuseBuffers(value);
        }
    }

    /** The batch normalisation (or the ReLU after it), which the convolution before it has already applied. */
    private static final class AlreadyApplied implements Layer {
        private final Layer layer;

        AlreadyApplied(Layer layer) {
            this.layer = layer;
        }

        @Override
        public LayerConfig config() {
            return layer.config();
        }

        @Override
        public Tensor forward(Tensor input, boolean training) {
            return training ? layer.forward(input, true) : input;
        }

        @Override
        public Tensor backward(Tensor outputGradient) {
            return layer.backward(outputGradient);
        }

        @Override
        public void reuseBuffers(boolean value) {
            layer.reuseBuffers(value);
        }
    }
}
