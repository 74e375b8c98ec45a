package dev.cnn.api.model;

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
import dev.cnn.api.loss.Targets;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.optim.Optimizer;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import dev.cnn.api.train.TrainingPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A network together with what it takes to use it: its heads (one per output it is trained on: name, loss, weight,
 * class or tag names) and its preprocessing. Saves to and loads from one zip file (see {@link ModelArchive}); a file
 * saved on one backend loads on any other, and files of format version 1 (a sequential network) still load.
 */
public final class Model {
    private final GraphNetwork network;
    private final List<Head> heads;
    private final Normalization preprocessing;
    private final dev.cnn.api.train.TrainingRecipe recipe;

    /**
     * A model with one head on the network's only output.
     *
     * @param network       the network, with one input and one output
     * @param loss          the loss it trains with
     * @param classNames    a name per output value (class or tag)
     * @param preprocessing how pixels in [0, 1] become inputs
     */
    public Model(GraphNetwork network, Loss loss, List<String> classNames, Normalization preprocessing) {
        this(network, List.of(Head.of(onlyOutput(network), loss, classNames)), preprocessing);
    }

    /**
     * A model with a head per trained output.
     *
     * @throws IllegalArgumentException when a head names no output, two heads name one, a head's names do not
     *                                  match its output's size
     */
    public Model(GraphNetwork network, List<Head> heads, Normalization preprocessing) {
        this(network, heads, preprocessing, null);
    }

    private Model(GraphNetwork network, List<Head> heads, Normalization preprocessing,
                  dev.cnn.api.train.TrainingRecipe recipe) {
        this.recipe = recipe;
        this.network = Objects.requireNonNull(network, "network");
        this.heads = List.copyOf(heads);
        this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
        if (network.inputNames().size() != 1) {
            throw new IllegalArgumentException("a model reads one image per prediction, but the network has inputs "
                    + network.inputNames());
        }
        Shape input = network.inputShape();
        if (preprocessing.channels() > 1 && (input.rank() != 3 || input.dim(0) != preprocessing.channels())) {
            throw new IllegalArgumentException("the normalisation has " + preprocessing.channels() + " channels, but"
                    + " the network reads images of shape " + input + "; fit it to the training images with"
                    + " Normalization.fit(dataset)");
        }
        if (this.heads.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one head; the network's outputs are "
                    + network.outputNames());
        }
        Set<String> seen = new HashSet<>();
        Set<String> outputNames = new HashSet<>(network.outputNames());
        for (Head head : this.heads) {
            if (!outputNames.contains(head.name())) {
                throw new IllegalArgumentException("head '" + head.name() + "' is no output of the network; its outputs"
                        + " are " + network.outputNames());
            }
            if (!seen.add(head.name())) {
                throw new IllegalArgumentException("two heads read the output '" + head.name() + "'");
            }
            int outputs = network.outputShape(head.name()).size();
            boolean needsNames = head.loss().targets() != Targets.VALUES;
            if ((needsNames || !head.labels().isEmpty()) && head.labels().size() != outputs) {
                throw new IllegalArgumentException("the output '" + head.name() + "' has " + outputs + " values but "
                        + head.labels().size() + " names were given");
            }
        }
    }

    private static String onlyOutput(GraphNetwork network) {
        if (network.outputNames().size() != 1) {
            throw new IllegalArgumentException("the network has " + network.outputNames().size() + " outputs "
                    + network.outputNames() + "; give a head for each with Model(network, heads, preprocessing)");
        }
        return network.outputNames().get(0);
    }

    /** The network. */
    public GraphNetwork network() {
        return network;
    }

    /** The heads, in order. */
    public List<Head> heads() {
        return heads;
    }

    /** The head called {@code name}. */
    public Head head(String name) {
        return heads.stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no head '" + name + "'; heads are "
                        + heads.stream().map(Head::name).toList()));
    }

    /**
     * This model with {@code replacement} in place of the head of the same name (same network and preprocessing), for
     * example the tag head with thresholds chosen on validation images.
     *
     * @throws IllegalArgumentException when the model has no head of that name, or the replacement does not fit it
     */
    public Model withHead(Head replacement) {
        head(replacement.name());
        List<Head> replaced = heads.stream().map(h -> h.name().equals(replacement.name()) ? replacement : h).toList();
        return new Model(network, replaced, preprocessing, recipe);
    }

    /** How the model was trained, saved in its file; null when that is not known. */
    public dev.cnn.api.train.TrainingRecipe recipe() {
        return recipe;
    }

    /** This model (same network, heads and preprocessing) recording {@code value} as how it was trained. */
    public Model withRecipe(dev.cnn.api.train.TrainingRecipe value) {
        return value == recipe ? this : new Model(network, heads, preprocessing, value);
    }

    /** The first head that reads tags, if there is one. */
    public java.util.Optional<Head> tagHead() {
        return heads.stream().filter(h -> h.loss().targets() == Targets.TAGS).findFirst();
    }

    /** The first head that reads one class per image, if there is one. */
    public java.util.Optional<Head> classHead() {
        return heads.stream().filter(h -> h.loss().targets() == Targets.CLASS).findFirst();
    }

    /**
     * The head that {@link #classNames()}, {@link #loss()} and {@link #predictProbabilities} speak of: the class head
     * when there is one, else the only head of a one-head model (a tagger or a regression). Never a head picked by its
     * place in the list: a model whose tag head comes before its class head names its classes from the class head.
     * Empty for a model of several heads none of which classifies.
     */
    public java.util.Optional<Head> primaryHead() {
        return classHead().or(() -> heads.size() == 1 ? java.util.Optional.of(heads.get(0)) : java.util.Optional.empty());
    }

    private Head requirePrimaryHead() {
        return primaryHead().orElseThrow(() -> new IllegalStateException("the model has the heads "
                + heads.stream().map(h -> h.name() + " (" + h.loss().id() + ")").toList()
                + " and none of them classifies; ask for one by name with head(name)"));
    }

    /**
     * The loss of the {@linkplain #primaryHead() primary head}.
     *
     * @throws IllegalStateException when the model has several heads and none classifies
     */
    public Loss loss() {
        return requirePrimaryHead().loss();
    }

    /**
     * The names of the {@linkplain #primaryHead() primary head}'s values by output index: the class head's classes, or
     * the only head's names.
     *
     * @throws IllegalStateException when the model has several heads and none classifies
     */
    public List<String> classNames() {
        return requirePrimaryHead().labels();
    }

    /** How pixels become inputs. */
    public Normalization preprocessing() {
        return preprocessing;
    }

    /** The shape of one input image. */
    public Shape inputShape() {
        return network.inputShape();
    }

    /**
     * The {@linkplain #primaryHead() primary head}'s probabilities (its classes, or the only head's tags) for a batch of
     * images given as pixels in [0, 1], row-major {@code [N, ...inputShape]}; returns {@code N} rows.
     *
     * @throws NonFiniteOutputException when the network gives NaN or infinite scores for any of the images
     * @throws IllegalStateException    when the model has several heads and none classifies
     */
    public float[][] predictProbabilities(float[] pixels, int count) {
        return predict(pixels, count).get(requirePrimaryHead().name());
    }

    /** As {@link #predictProbabilities(float[], int)}, averaged over the copies {@code augmentation} makes. */
    public float[][] predictProbabilities(float[] pixels, int count, dev.cnn.api.eval.TestTimeAugmentation augmentation) {
        return predict(pixels, count, augmentation).get(requirePrimaryHead().name());
    }

    /**
     * Every head's probabilities (classes, tags or values, by its loss) for a batch of images given as pixels in
     * [0, 1]; returns {@code N} rows per head name, in head order.
     *
     * @throws NonFiniteOutputException when the network gives NaN or infinite scores for any of the images
     */
    public Map<String, float[][]> predict(float[] pixels, int count) {
        return predict(pixels, count, dev.cnn.api.eval.TestTimeAugmentation.NONE);
    }

    /**
     * As {@link #predict(float[], int)}, each head's probabilities averaged over the copies {@code augmentation} makes
     * of each image ({@link dev.cnn.api.eval.TestTimeAugmentation}).
     */
    public Map<String, float[][]> predict(float[] pixels, int count, dev.cnn.api.eval.TestTimeAugmentation augmentation) {
        Shape shape = network.inputShape().withBatch(count);
        if (pixels.length != shape.size()) {
            throw new IllegalArgumentException(count + " images of shape " + network.inputShape() + " need "
                    + shape.size() + " values, got " + pixels.length);
        }
        Map<String, Tensor> outputs = augmentation.outputs(network, heads,
                preprocessing.apply(pixels, network.inputShape()), shape);
        Map<String, float[][]> out = new LinkedHashMap<>();
        for (Head head : heads) {
            float[] flat = head.loss().probabilities(outputs.get(head.name())).toArray();
            int k = flat.length / count;
            long nonFinite = ScoreRows.nonFiniteRows(flat, k);
            if (nonFinite > 0) {
                throw new NonFiniteOutputException(nonFinite, count);
            }
            float[][] rows = new float[count][];
            for (int i = 0; i < count; i++) {
                rows[i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
            }
            out.put(head.name(), rows);
        }
        return out;
    }

    /** Writes the model to {@code file} (atomically: a temporary file renamed into place). */
    public void save(Path file) throws IOException {
        save(file, null);
    }

    /**
     * Writes the model in format version {@value ModelDescription#CURRENT_VERSION} and, when {@code optimizer} is not
     * null, its state, so training can resume exactly.
     */
    public void save(Path file, Optimizer optimizer) throws IOException {
        save(file, optimizer, null);
    }

    /**
     * Writes a checkpoint of a training run: the model, the optimizer's state and, when not null, the {@code plan} of
     * the run, which {@link #loadWithState} gives back so that the run can continue where it stopped. When the
     * optimizer keeps a {@linkplain Optimizer#averageWeights weight average}, the file's weights are the averaged ones,
     * whichever the network holds now (so that {@link #load} gives the averaged model), and its optimizer state holds
     * the training weights.
     */
    public void save(Path file, Optimizer optimizer, TrainingPlan plan) throws IOException {
        dev.cnn.api.optim.WeightAverage average = optimizer == null ? null : optimizer.average();
        ModelDescription description = new ModelDescription(ModelDescription.FORMAT, ModelDescription.CURRENT_VERSION,
                network.graph(), heads, preprocessing, optimizer == null ? null : optimizer.config(),
                optimizer == null ? 0 : optimizer.step(), network.backend().name(), plan,
                average == null ? null : average.decay(), recipe);
        Map<String, Parameter> byName = network.parameters();
        List<NamedArray> parameters = new ArrayList<>();
        byName.forEach((name, p) -> parameters.add(new NamedArray(name, p.shape(),
                average != null && p.trainable() ? average.averaged(name) : p.value().toArray())));
        List<NamedArray> state = new ArrayList<>();
        if (optimizer != null) {
            optimizer.exportState().forEach((name, values) -> state.add(new NamedArray(name,
                    byName.get(name.substring(0, name.lastIndexOf('#'))).shape(), values)));
        }
        ModelArchive.write(file, new ModelArchiveContents(LayerTypes.mapper().writeValueAsString(description),
                parameters, state));
    }

    /**
     * Writes the model as a standard ONNX file (see {@code dev.cnn.onnx.OnnxExport}: one input {@code image} of pixels in
     * [0, 1], the normalisation inside, one output per head with what {@link #predict} shows). Needs the module
     * {@code cnn-onnx} on the classpath, found through {@link ModelFormatProvider}; {@code cnn-api} does not depend on it.
     *
     * @throws IllegalStateException    when {@code cnn-onnx} is not on the classpath
     * @throws IllegalArgumentException when a layer has no ONNX form; the message names its node
     */
    public void exportOnnx(Path file) throws IOException {
        ModelFormats.require("onnx", "cnn-onnx").write(this, file);
    }

    /**
     * Reads an ONNX file, such as PyTorch's {@code torch.onnx.export} writes, onto {@code backend} within the default
     * limits (see {@code dev.cnn.onnx.OnnxImport}). Needs the module {@code cnn-onnx} on the classpath.
     *
     * @throws IllegalStateException when {@code cnn-onnx} is not on the classpath
     * @throws IOException           when the file is damaged, too large, or uses what import does not read
     */
    public static Model importOnnx(Path file, Backend backend) throws IOException {
        return ModelFormats.require("onnx", "cnn-onnx").read(file, backend, ModelLimits.DEFAULT);
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
        return ModelReader.read(file, backend, limits);
    }

    /**
     * A loaded model with the optimizer state saved beside it.
     *
     * @param model     the model
     * @param optimizer the optimizer with restored state, or null when none was saved or what was saved is not whole
     *                  (updates were counted but the state of a trainable parameter is missing), so that no run goes
     *                  on with fresh state where it had learned some
     * @param plan      the training run the file is a checkpoint of, or null when it is not one
     */
    public record Loaded(Model model, Optimizer optimizer, TrainingPlan plan) {
    }
}
