package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.ChannelShapes;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Joins two or more inputs along the channel axis: {@code [C1, H, W]} and {@code [C2, H, W]} make
 * {@code [C1 + C2, H, W]} (or {@code [F1 + F2]} for vectors). Backward slices the output gradient back into one
 * piece per input. Type id {@code "concatenate"}.
 */
public record Concatenate() implements LayerConfig {

    @Override
    public Shape outputShape(Shape input) {
        return outputShape(List.of(input));
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        if (inputs.size() < 2) {
            throw new ShapeMismatchException("concatenate needs at least 2 inputs, got " + inputs.size() + " "
                    + inputs + "; list them in add(name, new Concatenate(), first, second)");
        }
        List<Shape> batched = new ArrayList<>();
        for (Shape s : inputs) {
            if (s.rank() != inputs.get(0).rank()) {
                throw new ShapeMismatchException("concatenate needs inputs of one rank, got " + inputs.get(0)
                        + " and " + s + "; flatten both or neither");
            }
            batched.add(s.withBatch(1));
        }
        try {
            return ChannelShapes.concat(batched).withoutBatch();
        } catch (IllegalArgumentException e) {
            throw new ShapeMismatchException("concatenate joins along the channels and needs inputs that differ only"
                    + " there, got " + inputs + "; resize them to the same height and width first");
        }
    }

    @Override
    public Layer build(Shape input, Backend backend, Random random) {
        return build(List.of(input), backend, random);
    }

    @Override
    public Layer build(List<Shape> inputs, Backend backend, Random random) {
        outputShape(inputs);
        int[] channels = inputs.stream().mapToInt(s -> s.dim(0)).toArray();
        return new Layer() {
            @Override
            public LayerConfig config() {
                return Concatenate.this;
            }

            @Override
            public Tensor forward(Tensor input, boolean training) {
                return forward(List.of(input), training);
            }

            @Override
            public Tensor forward(List<Tensor> xs, boolean training) {
                if (xs.size() != channels.length) {
                    throw new IllegalArgumentException("concatenate was built for " + channels.length + " inputs, got "
                            + xs.size());
                }
                return backend.concatChannels(xs);
            }

            @Override
            public Tensor backward(Tensor outputGradient) {
                return backwardInputs(outputGradient).get(0);
            }

            @Override
            public List<Tensor> backwardInputs(Tensor outputGradient) {
                List<Tensor> pieces = new ArrayList<>(channels.length);
                int from = 0;
                for (int c : channels) {
                    pieces.add(backend.sliceChannels(outputGradient, from, c));
                    from += c;
                }
                return pieces;
            }
        };
    }
}
