package dev.cnn.cli;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.Prediction;
import dev.cnn.datasets.ImageConverter;
import dev.cnn.api.model.Head;
import dev.cnn.api.eval.TestTimeAugmentation;
import dev.cnn.api.model.Model;
import dev.cnn.api.tensor.Shape;
import dev.cnn.cli.training.DatasetFit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the images to predict, from image files or from a dataset split by index, as the model's input. */
final class PredictionInputs {
    private PredictionInputs() {
    }

    /**
     * Predicts each image file (PNG, JPEG, GIF, BMP of any size and colour), resized to the model's input and
     * inverted as {@code inversion} says.
     */
    static List<Prediction> fromFiles(Model model, List<Path> files, Inversion inversion) throws IOException {
        return fromFiles(model, files, inversion, TestTimeAugmentation.NONE);
    }

    /** As {@link #fromFiles(Model, List, Inversion)}, averaging over the copies {@code tta} makes of each image. */
    static List<Prediction> fromFiles(Model model, List<Path> files, Inversion inversion, TestTimeAugmentation tta)
            throws IOException {
        Shape shape = imageShape(model);
        List<Prediction> predictions = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new CliFailure(Files.exists(file) ? file + " is not a file" : "no such image file: " + file);
            }
            float[] pixels = ImageConverter.read(file, shape);
            String source = file.toString();
            if (inversion.appliesTo(pixels, shape, model.preprocessing())) {
                Inversion.invert(pixels);
                source += inversion == Inversion.AUTO ? " (inverted: dark on light)" : " (inverted)";
            }
            predictions.add(predict(model, source, pixels, -1, tta));
        }
        return predictions;
    }

    /**
     * Predicts the images at {@code indices} of {@code split} (pixels in [0, 1], in the model's input shape), with their
     * labels; refused unless the split is the kind of data the model was trained on ({@link DatasetFit}).
     */
    static List<Prediction> fromDataset(Model model, Dataset split, List<Integer> indices, String splitName) {
        DatasetFit.require(model, split, "the " + splitName + " split", "give images of the kind the model was trained"
                + " on");
        for (int index : indices) {
            if (index >= split.size()) {
                throw new CliFailure("index " + index + " is outside the " + splitName + " split, which has images 0.."
                        + (split.size() - 1));
            }
        }
        return fromPicked(model, split.select(indices.stream().mapToInt(Integer::intValue).toArray()), indices);
    }

    /**
     * Predicts {@code picked}, the images at {@code indices} of a split (in that order, pixels in [0, 1], in the
     * model's input shape, of the kind the model was trained on), each named by its index, with its label.
     */
    static List<Prediction> fromPicked(Model model, Dataset picked, List<Integer> indices) {
        return fromPicked(model, picked, indices, TestTimeAugmentation.NONE);
    }

    /** As {@link #fromPicked(Model, Dataset, List)}, averaging over the copies {@code tta} makes of each image. */
    static List<Prediction> fromPicked(Model model, Dataset picked, List<Integer> indices, TestTimeAugmentation tta) {
        List<Prediction> predictions = new ArrayList<>();
        for (int k = 0; k < indices.size(); k++) {
            predictions.add(predict(model, "#" + indices.get(k), picked.features(k), picked.label(k), tta));
        }
        return predictions;
    }

    /** The model's class scores (from its class head, or the only head of a one-head model) and tag scores. */
    private static Prediction predict(Model model, String source, float[] pixels, int label, TestTimeAugmentation tta) {
        Map<String, float[][]> byHead = model.predict(pixels, 1, tta);
        Head scored = model.primaryHead().orElseThrow(() -> new CliFailure("the model has the heads "
                + model.heads().stream().map(Head::name).toList() + " and none of them classifies; predict shows the"
                + " classes of a model with a class head (softmax_cross_entropy) or of one head"));
        float[] tags = model.tagHead().map(h -> byHead.get(h.name())[0]).orElse(null);
        return new Prediction(source, pixels, byHead.get(scored.name())[0], label, tags);
    }

    private static Shape imageShape(Model model) {
        return imageShape(model.inputShape());
    }

    private static Shape imageShape(Shape shape) {
        if (shape.rank() != 3 || (shape.dim(0) != 1 && shape.dim(0) != 3)) {
            throw new CliFailure("the model takes inputs of shape " + shape + ", which are not images of 1 or 3 channels");
        }
        return shape;
    }
}
