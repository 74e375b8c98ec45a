package dev.cnn.cli;

import dev.cnn.api.data.Dataset;
import dev.cnn.datasets.LoadListener;
import dev.cnn.api.model.Model;
import dev.cnn.cli.training.DatasetFit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of the commands that feed images to a saved model ({@code predict}, {@code visualize}):
 * the model file, the dataset whose test images {@code --index} picks, and whether image files are
 * inverted first.
 */
public final class ImageSourceOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--model-file", paramLabel = "FILE", required = true, description = "A model written by ./cnn train.")
    private Path modelFile;

    @Option(names = "--dataset", paramLabel = "NAME|DIR", defaultValue = "mnist",
            description = "Where --index reads from: its test split; any dataset train takes, such as a folder of"
                    + " class folders of images (default: ${DEFAULT-VALUE}).")
    private String dataset;

    @Option(names = "--invert", paramLabel = "WHEN", defaultValue = "auto",
            description = "Invert grey levels of image files: auto (when the model learned light on dark and the"
                    + " image's border is light, as for a digit on paper), always or never (default: ${DEFAULT-VALUE}).")
    private String invert;

    /** The model file given with {@code --model-file}. */
    public Path modelFile() {
        return modelFile;
    }

    /** How image files are inverted; an unknown {@code --invert} value is a usage error. */
    public Inversion inversion() {
        return Options.inversion(command, invert);
    }

    /**
     * The test images of {@code --dataset} at {@code indices}, in that order, as {@code model} takes them, read with
     * {@code listener} hearing how; only these images are converted to the model's input. Refused unless they are the
     * kind of data the model was trained on ({@link DatasetFit}), so that no label is shown under a class name it is
     * not, and when an index is outside the split.
     */
    public Dataset testImages(Model model, List<Integer> indices, LoadListener listener) throws IOException {
        Dataset picked = DatasetAccess.testImagesAt(dataset, DatasetAccess.Wanted.forModel(model), listener, indices);
        boolean given = command.commandLine().getParseResult().hasMatchedOption("--dataset");
        DatasetFit.require(model, picked, given ? dataset : dataset + " (the default --dataset)", "--index shows the"
                + " test images of --dataset with their labels: name the dataset the model was trained on with --dataset,"
                + " or give image files instead");
        return picked;
    }

    /** The name or folder given with {@code --dataset}. */
    public String dataset() {
        return dataset;
    }
}
