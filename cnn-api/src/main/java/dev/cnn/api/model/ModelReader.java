package dev.cnn.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.io.ModelArchive;
import dev.cnn.api.io.ModelArchiveLimits;
import dev.cnn.api.io.ModelArchiveReader;
import dev.cnn.api.io.ModelFormatException;
import dev.cnn.api.io.NamedArray;
import dev.cnn.api.layer.LayerTypes;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads model files of every format version: checks the description, then the architecture's sizes against the limits
 * and the arrays the file declares ({@link ModelSizes}), and only then reads the arrays, builds the network and fills
 * it. Every problem is a {@link ModelFormatException}.
 */
final class ModelReader {
    private ModelReader() {
    }

    static Model.Loaded read(Path file, Backend backend, ModelLimits limits) throws IOException {
        try (ModelArchiveReader archive = ModelArchive.open(file, ModelArchiveLimits.DEFAULT)) {
            Parsed parsed = parse(file, archive.modelJson(), limits);
            ModelDescription description = parsed.description();
            ModelSizes.check(file, description, archive.declaredParameters(), archive.declaredOptimizerState(), limits);
            List<NamedArray> parameters = archive.readParameters();
            List<NamedArray> state = description.optimizer() == null ? List.of() : archive.readOptimizerState();
            return build(file, backend, parsed, parameters, state);
        }
    }

    private static Model.Loaded build(Path file, Backend backend, Parsed parsed, List<NamedArray> parameters,
                                      List<NamedArray> optimizerState) throws ModelFormatException {
        ModelDescription description = parsed.description();
        GraphNetwork network;
        try {
            network = parsed.legacy() != null ? Sequential.of(parsed.legacy().architecture(), backend, 0)
                    : GraphNetwork.of(description.graph(), backend, 0);
        } catch (RuntimeException e) {
            throw new ModelFormatException(file + ": the architecture cannot be built: " + e.getMessage(), e);
        }
        Map<String, NamedArray> saved = new HashMap<>();
        parameters.forEach(a -> saved.put(parsed.rename().apply(a.name()), a));
        for (var entry : network.parameters().entrySet()) {
            NamedArray array = saved.remove(entry.getKey());
            if (array == null) {
                throw new ModelFormatException(file + ": parameter '" + entry.getKey() + "' is missing; the file is damaged");
            }
            if (!array.shape().equals(entry.getValue().shape())) {
                throw new ModelFormatException(file + ": parameter '" + entry.getKey() + "' has shape " + array.shape()
                        + " but the architecture needs " + entry.getValue().shape());
            }
            entry.getValue().setValue(backend.tensor(array.data(), array.shape()));
        }
        if (!saved.isEmpty()) {
            throw new ModelFormatException(file + ": parameters " + saved.keySet() + " belong to no node of the architecture");
        }
        Model model;
        try {
            model = new Model(network, description.heads(), description.preprocessing()).withRecipe(description.recipe());
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file + ": " + e.getMessage());
        }
        Optimizer optimizer = null;
        if (description.optimizer() != null) {
            optimizer = new Optimizer(description.optimizer(), network.parameters());
            if (description.weightAverage() != null) {
                try {
                    optimizer.averageWeights(description.weightAverage());
                } catch (IllegalArgumentException e) {
                    throw new ModelFormatException(file + ": " + e.getMessage());
                }
            }
            Map<String, float[]> state = new LinkedHashMap<>();
            optimizerState.forEach(a -> state.put(parsed.rename().apply(a.name()), a.data()));
            try {
                if (description.optimizerSteps() >= 0
                        && optimizer.missingState(description.optimizerSteps(), state).isPresent()) {
                    // the weights are whole and stay usable; a run cannot go on from what is left of its optimizer
                    optimizer = null;
                } else {
                    optimizer.restoreState(description.optimizerSteps(), state);
                }
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(file + ": " + e.getMessage());
            }
        }
        return new Model.Loaded(model, optimizer, description.training());
    }

    /** The nodes (or layers) listed, counted before any is read, so that a graph too large is refused before it is made. */
    private static void checkNodeCount(Path file, JsonNode nodes, ModelLimits limits) throws ModelFormatException {
        if (nodes.size() > limits.maxNodes()) {
            throw new ModelFormatException(String.format(Locale.ROOT, "%s: the architecture has %,d nodes, more than the"
                    + " %,d allowed (ModelLimits.maxNodes)", file, nodes.size(), limits.maxNodes()));
        }
    }

    /** The description in its current form; for version 1, also the original and how its names map to today's. */
    private record Parsed(ModelDescription description, LegacyModelDescription legacy, UnaryOperator<String> rename) {
    }

    private static Parsed parse(Path file, String json, ModelLimits limits) throws ModelFormatException {
        ObjectMapper mapper = LayerTypes.mapper();
        String invalid = file + ": model.json is not a valid model description: ";
        try {
            JsonNode tree = ModelJson.tree(mapper, json);
            if (tree == null || tree.isNull()) {
                throw new ModelFormatException(file + ": model.json holds null instead of a model description");
            }
            if (!tree.isObject()) {
                throw new ModelFormatException(file + ": model.json is not a JSON object");
            }
            JsonNode format = tree.get("format");
            if (format == null || !ModelDescription.FORMAT.equals(format.textValue())) {
                throw new ModelFormatException(file + ": not a model file (format " + format + ")");
            }
            JsonNode version = tree.get("formatVersion");
            if (version == null || !version.isInt() || version.intValue() < 1
                    || version.intValue() > ModelDescription.CURRENT_VERSION) {
                throw new ModelFormatException(file + ": model format version " + version + " is not supported; this"
                        + " version reads 1 to " + ModelDescription.CURRENT_VERSION + "; a newer cnn may read it");
            }
            checkNodeCount(file, version.intValue() == 1 ? tree.path("architecture").path("layers")
                    : tree.path("graph").path("nodes"), limits);
            ModelJson.check(tree);
            if (version.intValue() == 1) {
                LegacyModelDescription legacy = ModelJson.bind(mapper, tree, LegacyModelDescription.class);
                return new Parsed(legacy.upgrade(), legacy, legacy::upgradeName);
            }
            ModelDescription description = ModelJson.bind(mapper, tree, ModelDescription.class);
            if (description.graph() == null || description.heads().isEmpty()) {
                throw new ModelFormatException(file + ": model.json lacks its graph or its heads");
            }
            return new Parsed(description, null, UnaryOperator.identity());
        } catch (ModelFormatException e) {
            // the file's own checks name it; what ModelJson found is about the description
            throw e.getMessage().startsWith(file + ": ") ? e : new ModelFormatException(invalid + e.getMessage());
        } catch (RuntimeException e) {
            throw new ModelFormatException(invalid + e.getMessage());
        }
    }
}
