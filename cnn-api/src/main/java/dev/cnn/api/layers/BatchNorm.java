package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.tensor.Shape;
import java.util.Random;

/**
 * Batch normalisation per channel: after a convolution (input {@code [C, H, W]}, statistics over batch,
 * height and width) or after a dense layer (input {@code [F]}, statistics over the batch). Learns a
 * scale and a shift per channel; keeps running mean and variance for inference. Type id
 * {@code "batch_norm"}.
 *
 * @param momentum how much of the running statistics survives each training batch, in {@code [0, 1)}
 * @param epsilon  added to the variance before its square root
 */
public record BatchNorm(double momentum, double epsilon) implements LayerConfig {

    /** Checks momentum and epsilon. */
    public BatchNorm {
        if (!(momentum >= 0 && momentum < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("batch_norm needs momentum in [0, 1) and epsilon > 0, got "
                    + momentum + " and " + epsilon);
        }
    }

    /** Momentum 0.9 and epsilon 1e-5 (PyTorch's defaults). */
    public static BatchNorm of() {
        return new BatchNorm(0.9, 1e-5);
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 1 && input.rank() != 3) {
            throw new ShapeMismatchException("batch_norm needs input [features] or [channels, height, width], got " + input);
        }
        return input;
    }

    /** Scale, shift, running mean and running variance: four numbers per channel or feature. */
    @Override
    public long parameterCount(Shape input) {
        return 4L * input.dim(0);
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        outputShape(input);
        return new BatchNormLayer(this, input.dim(0), backend);
    }
}
