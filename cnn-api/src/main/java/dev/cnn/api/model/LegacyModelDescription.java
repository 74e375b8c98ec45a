package dev.cnn.api.model;

import dev.cnn.api.loss.Loss;
import dev.cnn.api.network.NetworkConfig;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.TrainingPlan;
import java.util.List;

/**
 * The {@code model.json} of format version 1, written before the graph network: a sequential list of layers and one
 * loss by id; parameters were named by list position ({@code 0.conv2d.weight}). Read only, and turned into the
 * current form by {@link #upgrade()}.
 */
record LegacyModelDescription(String format, int formatVersion, NetworkConfig architecture, String loss,
                              List<String> classNames, List<String> tagNames, Normalization preprocessing,
                              OptimizerConfig optimizer, long optimizerSteps, String savedBy, TrainingPlan training) {

    /** The same model as a graph with one head, named like version 2. */
    ModelDescription upgrade() {
        if (architecture == null || loss == null) {
            throw new IllegalArgumentException("model.json lacks its architecture or loss");
        }
        Loss lossType = Loss.fromId(loss);
        List<String> tags = tagNames == null ? List.of() : tagNames;
        List<String> labels = lossType.targets() == dev.cnn.api.loss.Targets.TAGS && !tags.isEmpty() ? tags
                : classNames == null ? List.of() : classNames;
        var graph = architecture.toGraph();
        return new ModelDescription(ModelDescription.FORMAT, 2, graph,
                List.of(Head.of(graph.outputs().get(0), lossType, labels)), preprocessing, optimizer, optimizerSteps,
                savedBy, training);
    }

    /** The current name of a parameter (or optimizer state entry) named by version 1. */
    String upgradeName(String oldName) {
        int first = oldName.indexOf('.');
        int second = first < 0 ? -1 : oldName.indexOf('.', first + 1);
        if (second < 0) {
            return oldName;
        }
        int index;
        try {
            index = Integer.parseInt(oldName.substring(0, first));
        } catch (NumberFormatException e) {
            return oldName;
        }
        List<String> nodes = architecture.nodeNames();
        return index >= 0 && index < nodes.size() ? nodes.get(index) + "." + oldName.substring(second + 1) : oldName;
    }
}
