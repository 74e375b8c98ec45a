package com.example.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A third party's layer: multiplies each channel by a learned factor, starting at {@code initial}. Written against
 * cnn-api only and registered by {@link ExampleLayerTypes} under the type id {@code "example_channel_scale"}.
 *
 * @param initial the factor every channel starts with
 */
public record ChannelScale(double initial) implements LayerConfig {

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 1 && input.rank() != 3) {
            throw new ShapeMismatchException("example_channel_scale needs [features] or [channels, height, width], got "
                    + input);
        }
        return input;
    }

    @Override
    public long parameterCount(Shape input) {
        return outputShape(input).dim(0);
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        int channels = outputShape(input).dim(0);
        float[] start = new float[channels];
        Arrays.fill(start, (float) initial);
        Parameter scale = new Parameter("scale", backend.tensor(start, Shape.of(channels)), true);
        Tensor zeros = backend.zeros(Shape.of(channels));
        return new Layer() {
            private Tensor lastInput;

            @Override
            public LayerConfig config() {
                return ChannelScale.this;
            }

            @Override
            public Tensor forward(Tensor x, boolean training) {
                lastInput = x;
                return backend.scaleShiftPerChannel(x, scale.value(), zeros);
            }

            @Override
            public Tensor backward(Tensor outputGradient) {
                backwardToParameters(outputGradient);
                return backend.scaleShiftPerChannel(outputGradient, scale.value(), zeros);
            }

            @Override
            public void backwardToParameters(Tensor outputGradient) {
                scale.addGradient(backend.sumPerChannel(backend.multiply(outputGradient, lastInput)));
            }

            @Override
            public List<Parameter> parameters() {
                return List.of(scale);
            }
        };
    }
}
