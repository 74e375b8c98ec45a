package dev.cnn.cli;

import dev.cnn.api.eval.LabelText;
import dev.cnn.api.eval.Prediction;
import dev.cnn.api.model.Model;
import dev.cnn.viz.PngFiles;
import dev.cnn.viz.PredictionPictures;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cnn predict}: the most probable classes of image files, or of a dataset's test images by index. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the top classes with their probabilities for each image; for a tagger, the most probable"
                + " class and the tags at or above their thresholds, with their probabilities.",
                "Images may be PNG, JPEG, GIF or BMP of any size and colour: they are resized and converted to what"
                        + " the model takes, and normalised as in training."},
        footer = {"", "Examples:", "  ./cnn predict --model-file runs/demo/model.cnn digit.png",
                "  ./cnn predict --model-file runs/demo/model.cnn --index 0..9"})
final class PredictCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Main main;

    @Mixin
    private CommonOptions common;

    @Mixin
    private ImageSourceOptions source;

    @Mixin
    private ThresholdOption threshold;


    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "Image files to classify.")
    private List<Path> images = new ArrayList<>();

    @Option(names = "--index", paramLabel = "I", description = "Test images of --dataset by index: 3, 0..9 or 1,5,7.")
    private String index;


    @Option(names = "--top", paramLabel = "K", defaultValue = "3", description = "Classes to show per image (default:"
            + " ${DEFAULT-VALUE}, and 1 for a tagger).")
    private int top;


    @Mixin
    private TtaOption tta;

    @Option(names = "--grid", paramLabel = "FILE", description = "Also draw the images with their predictions into this PNG.")
    private Path grid;

    @Override
    public Integer call() throws Exception {
        if (images.isEmpty() && index == null) {
            throw Options.usage(spec, "name image files to classify, or test images with --index 0..9");
        }
        Options.atLeast(spec, "--top", top, 1);
        Inversion inversion = source.inversion();
        var augmentation = tta.kind();
        List<Integer> indices;
        try {
            indices = index == null ? List.of() : IndexList.parse(index);
        } catch (IllegalArgumentException e) {
            throw Options.usage(spec, "--index: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        Model model = threshold.apply(ModelFiles.load(source.modelFile(), common.backend()));
        List<Prediction> predictions = new ArrayList<>(PredictionInputs.fromFiles(model, images, inversion, augmentation));
        if (!indices.isEmpty()) {
            predictions.addAll(PredictionInputs.fromPicked(model, source.testImages(model, indices, new LoadReporter(
                    spec.commandLine().getOut(), spec.commandLine().getErr(), main.interactiveTerminal(),
                    source.dataset())), indices, augmentation));
        }
        boolean tagger = model.tagHead().isPresent();
        int k = Math.min(tagger && !spec.commandLine().getParseResult().hasMatchedOption("--top") ? 1 : top,
                model.classNames().size());
        for (Prediction p : predictions) {
            String label = p.labelled() ? " (label " + LabelText.shown(model.classNames().get(p.label())) + ")" : "";
            String tags = tagger ? "; " + p.describeTags(model.tagHead().get().labels(),
                    model.tagHead().get().thresholdArray()) : "";
            out.println(LabelText.shown(p.source()) + label + ": " + p.describeTop(k, model.classNames()) + tags);
        }
        if (grid != null) {
            PngFiles.write(PredictionPictures.sheet("Predictions of " + source.modelFile().getFileName(),
                    "green: right, red: wrong, black: label unknown", predictions, model), grid);
            out.println("grid: " + grid);
        }
        return 0;
    }
}
