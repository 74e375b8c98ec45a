package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.backend.ConvGradients;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Runs each group as its own {@code conv2d}. A group's kernels are rows {@code g Og .. (g + 1) Og - 1} of the weight,
 * taken as channels of the weight seen as {@code [1, filters, Cg kH kW]}.
 */
final class GroupedConv2DLayer implements Layer {
    private final GroupedConv2D config;
    private final Backend backend;
    private final ConvGeometry geometry;
    private final Parameter weight;
    private final Parameter bias;
    private final int groups;
    private final int groupChannels;
    private final int groupFilters;
    private final Shape groupFilterShape;
    private final Shape weightAsRows;
    private List<Tensor> lastInputs;

    GroupedConv2DLayer(GroupedConv2D config, Shape input, Backend backend, Random random) {
        this.config = config;
        this.backend = backend;
        this.geometry = config.geometry();
        this.groups = config.groups();
        this.groupChannels = input.dim(0) / groups;
        this.groupFilters = config.filters() / groups;
        Shape filterShape = config.filterShape(input);
        int taps = config.kernelHeight() * config.kernelWidth();
        float[] init = config.initializer().sample(filterShape.size(), groupChannels * taps, groupFilters * taps, random);
        this.weight = new Parameter("weight", backend.tensor(init, filterShape), true);
        this.bias = config.useBias() ? new Parameter("bias", backend.zeros(Shape.of(config.filters())), true) : null;
        this.groupFilterShape = Shape.of(groupFilters, groupChannels, config.kernelHeight(), config.kernelWidth());
        this.weightAsRows = Shape.of(1, config.filters(), groupChannels * taps);
    }

    @Override
    public GroupedConv2D config() {
        return config;
    }

    private Tensor groupWeight(int g) {
        Tensor rows = backend.sliceChannels(backend.reshape(weight.value(), weightAsRows), g * groupFilters, groupFilters);
        return backend.reshape(rows, groupFilterShape);
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        List<Tensor> inputs = new ArrayList<>(groups);
        List<Tensor> outputs = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            Tensor x = groups == 1 ? input : backend.sliceChannels(input, g * groupChannels, groupChannels);
            inputs.add(x);
            outputs.add(backend.conv2d(x, groupWeight(g), geometry));
        }
        lastInputs = inputs;
        Tensor out = groups == 1 ? outputs.get(0) : backend.concatChannels(outputs);
        return bias == null ? out : backend.addPerChannel(out, bias.value());
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        return propagate(outputGradient, true);
    }

    @Override
    public void backwardToParameters(Tensor outputGradient) {
        propagate(outputGradient, false);
    }

    private Tensor propagate(Tensor outputGradient, boolean toInput) {
        List<Tensor> inputGradients = new ArrayList<>(groups);
        List<Tensor> filterGradients = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            Tensor dy = groups == 1 ? outputGradient
                    : backend.sliceChannels(outputGradient, g * groupFilters, groupFilters);
            if (toInput) {
                ConvGradients both = backend.conv2dBackward(lastInputs.get(g), groupWeight(g), dy, geometry);
                inputGradients.add(both.input());
                filterGradients.add(backend.reshape(both.filter(), Shape.of(1, groupFilters, weightAsRows.dim(2))));
            } else {
                Tensor filter = backend.conv2dBackwardFilter(lastInputs.get(g), dy, geometry, groupFilterShape);
                filterGradients.add(backend.reshape(filter, Shape.of(1, groupFilters, weightAsRows.dim(2))));
            }
        }
        weight.addGradient(backend.reshape(backend.concatChannels(filterGradients), weight.shape()));
        if (bias != null) {
            bias.addGradient(backend.sumPerChannel(outputGradient));
        }
        if (!toInput) {
            return null;
        }
        return groups == 1 ? inputGradients.get(0) : backend.concatChannels(inputGradients);
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
