package dev.cnn.api.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.eval.NonFiniteOutputException;
import dev.cnn.api.eval.ScoreRows;
import dev.cnn.api.io.ModelArchive;
import dev.cnn.api.io.ModelArchiveContents;
import dev.cnn.api.io.ModelFormatException;
import dev.cnn.api.io.NamedArray;
import dev.cnn.api.layer.LayerTypes;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.network.NetworkConfig;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.optim.Optimizer;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A network together with what it takes to use it: its loss, class names and preprocessing. Saves to
 * and loads from one zip file (see {@link ModelArchive}); a file saved on one backend loads on any other.
 */
public final class Model {
    private final Sequential network;
    private final Loss loss;
    private final List<String> classNames;
    private final List<String> tagNames;
    private final Preprocessing preprocessing;

    /**
     * @param network       the network
     * @param loss          the loss it trains with
     * @param classNames    a name per output (class or tag)
     * @param preprocessing how pixels in [0, 1] become inputs
     */
    public Model(Sequential network, Loss loss, List<String> classNames, Preprocessing preprocessing) {
        this(network, loss, classNames, List.of(), preprocessing);
    }

    private Model(Sequential network, Loss loss, List<String> classNames, List<String> tagNames, Preprocessing preprocessing) {
        this.network = Objects.requireNonNull(network, "network");
        this.loss = Objects.requireNonNull(loss, "loss");
        this.classNames = List.copyOf(classNames);
        this.tagNames = List.copyOf(tagNames);
        this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
        int outputs = network.outputShape().size();
        int names = loss == Loss.SIGMOID_BINARY_CROSS_ENTROPY && !tagNames.isEmpty() ? tagNames.size() : classNames.size();
        if (names != outputs) {
            throw new IllegalArgumentException("the network has " + outputs + " outputs but " + names + " names were given");
        }
    }

    /** The network. */
    public Sequential network() {
        return network;
    }

    /** The loss. */
    public Loss loss() {
        return loss;
    }

    /** The class names, by output index. */
    public List<String> classNames() {
        return classNames;
    }

    /** How pixels become inputs. */
    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** The shape of one input image. */
    public Shape inputShape() {
        return network.inputShape();
    }

    /**
     * Class (or tag) probabilities for a batch of images given as pixels in [0, 1], row-major
     * {@code [N, ...inputShape]}; returns {@code N} rows.
     *
     * @throws NonFiniteOutputException when the network gives NaN or infinite scores for any of the images
     */
    public float[][] predictProbabilities(float[] pixels, int count) {
        Shape shape = network.inputShape().withBatch(count);
        if (pixels.length != shape.size()) {
            throw new IllegalArgumentException(count + " images of shape " + network.inputShape() + " need "
                    + shape.size() + " values, got " + pixels.length);
        }
        Backend b = network.backend();
        Tensor out = loss.probabilities(network.forward(b.tensor(preprocessing.apply(pixels), shape), false));
        float[] flat = out.toArray();
        int k = flat.length / count;
        long nonFinite = IntStream.range(0, count).filter(i -> !ScoreRows.allFinite(flat, i * k, k)).count();
        if (nonFinite > 0) {
            throw new NonFiniteOutputException(nonFinite, count);
        }
        float[][] rows = new float[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = java.util.Arrays.copyOfRange(flat, i * k, (i + 1) * k);
        }
        return rows;
    }

    /** Writes the model to {@code file} (atomically: a temporary file renamed into place). */
    public void save(Path file) throws IOException {
        save(file, null);
    }

    /** Writes the model and, when {@code optimizer} is not null, its state, so training can resume exactly. */
    public void save(Path file, Optimizer optimizer) throws IOException {
        ModelDescription description = new ModelDescription(ModelDescription.FORMAT, ModelDescription.CURRENT_VERSION,
                network.config(), loss, classNames, tagNames, preprocessing,
                optimizer == null ? null : optimizer.config(), optimizer == null ? 0 : optimizer.step(),
                network.backend().name());
        List<NamedArray> parameters = new ArrayList<>();
        network.parameters().forEach((name, p) -> parameters.add(new NamedArray(name, p.shape(), p.value().toArray())));
        List<NamedArray> state = new ArrayList<>();
        if (optimizer != null) {
            Map<String, Parameter> byName = network.parameters();
            optimizer.exportState().forEach((name, values) -> state.add(new NamedArray(name,
                    byName.get(name.substring(0, name.lastIndexOf('#'))).shape(), values)));
        }
        ModelArchive.write(file, new ModelArchiveContents(mapper().writeValueAsString(description), parameters, state));
    }

    /**
     * Reads a model file onto {@code backend}.
     *
     * @throws ModelFormatException when the file is not a model, is damaged, or does not match its architecture
     */
    public static Model load(Path file, Backend backend) throws IOException {
        return loadWithState(file, backend).model();
    }

    /** Reads a model file and, when it holds one, the optimizer state to resume training. */
    public static Loaded loadWithState(Path file, Backend backend) throws IOException {
        return loadWithState(file, backend, ModelLimits.DEFAULT);
    }

    /**
     * Reads a model file and its optimizer state, refusing architectures beyond {@code limits} before building anything.
     *
     * @throws ModelFormatException when the file is not a model, is damaged, is too large, or does not match its
     *                              architecture
     */
    public static Loaded loadWithState(Path file, Backend backend, ModelLimits limits) throws IOException {
        ModelArchiveContents contents = ModelArchive.read(file);
        ModelDescription description = parseDescription(file, contents.modelJson());
        checkSizes(file, description.architecture(), contents.parameters(), limits);
        Sequential network = Sequential.of(description.architecture(), backend, 0);
        Map<String, NamedArray> saved = new HashMap<>();
        contents.parameters().forEach(a -> saved.put(a.name(), a));
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
            throw new ModelFormatException(file + ": parameters " + saved.keySet() + " belong to no layer of the architecture");
        }
        Model model;
        try {
            model = new Model(network, description.loss(), description.classNames(), description.tagNames(),
                    description.preprocessing());
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file + ": " + e.getMessage());
        }
        Optimizer optimizer = null;
        if (description.optimizer() != null) {
            optimizer = new Optimizer(description.optimizer(), network.parameters());
            Map<String, float[]> state = new LinkedHashMap<>();
            contents.optimizerState().forEach(a -> state.put(a.name(), a.data()));
            try {
                optimizer.restoreState(description.optimizerSteps(), state);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(file + ": " + e.getMessage());
            }
        }
        return new Loaded(model, optimizer);
    }

    /**
     * The architecture's sizes, computed from its shapes, against the limits and against what the file holds: a network
     * is built only when its parameters are no more than the stored arrays, which the archive reader has bounded.
     */
    private static void checkSizes(Path file, NetworkConfig architecture, List<NamedArray> stored, ModelLimits limits)
            throws ModelFormatException {
        long parameters;
        long activations;
        try {
            parameters = architecture.parameterCount();
            activations = architecture.activationsPerImage();
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new ModelFormatException(file + ": the architecture's sizes do not fit a long: " + e.getMessage());
        }
        if (parameters > limits.maxParameters()) {
            throw new ModelFormatException(file + ": the architecture declares " + parameters + " parameters, more than"
                    + " the " + limits.maxParameters() + " allowed (ModelLimits)");
        }
        if (activations > limits.maxActivationsPerImage()) {
            throw new ModelFormatException(file + ": the architecture's layers make " + activations + " values per image,"
                    + " more than the " + limits.maxActivationsPerImage() + " allowed (ModelLimits)");
        }
        long held = stored.stream().mapToLong(a -> a.data().length).sum();
        if (parameters > held) {
            throw new ModelFormatException(file + ": the architecture declares " + parameters + " parameters but the"
                    + " file holds only " + held + "; the file is damaged or was edited");
        }
    }

    private static ModelDescription parseDescription(Path file, String json) throws ModelFormatException {
        ModelDescription description;
        try {
            description = mapper().readValue(json, ModelDescription.class);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(file + ": model.json is not a valid model description: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file + ": model.json is not a valid model description: " + e.getMessage());
        }
        if (description == null) {
            throw new ModelFormatException(file + ": model.json holds null instead of a model description");
        }
        if (!ModelDescription.FORMAT.equals(description.format())) {
            throw new ModelFormatException(file + ": not a model file (format '" + description.format() + "')");
        }
        if (description.formatVersion() < 1 || description.formatVersion() > ModelDescription.CURRENT_VERSION) {
            throw new ModelFormatException(file + ": model format version " + description.formatVersion()
                    + " is not supported; this version reads up to " + ModelDescription.CURRENT_VERSION);
        }
        if (description.architecture() == null || description.loss() == null) {
            throw new ModelFormatException(file + ": model.json lacks its architecture or loss");
        }
        return description;
    }

    private static ObjectMapper mapper() {
        return LayerTypes.mapper();
    }

    /**
     * A loaded model with the optimizer state saved beside it.
     *
     * @param model     the model
     * @param optimizer the optimizer with restored state, or null when none was saved
     */
    public record Loaded(Model model, Optimizer optimizer) {
    }
}
