package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.tensor.Tensor;

/**
 * A convolution whose last step is a product with a filter of one row per output channel plus a bias, so that a batch
 * normalisation after it folds into that filter and bias for inference ({@link ConvBatchNormFold}): a plain
 * convolution, or a separable one's pointwise step.
 */
interface FoldableConvolution extends Layer {
    /** The filter that the normalisation's per-channel scale multiplies, output channels first. */
    Parameter foldedWeight();

    /** The bias added after that filter, or null when there is none. */
    Parameter bias();

    /** The backend the layer runs on. */
    Backend backend();

    /**
     * The forward pass with {@code filter} and {@code foldedBias} in place of {@link #foldedWeight()} and the bias,
     * and a ReLU after it when {@code relu}, into {@code out} where the backend can.
     */
    Tensor forwardWith(Tensor input, Tensor filter, Tensor foldedBias, boolean relu, Tensor out);
}
