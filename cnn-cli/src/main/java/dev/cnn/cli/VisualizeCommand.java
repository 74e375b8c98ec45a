package dev.cnn.cli;

import dev.cnn.api.eval.LabelText;
import dev.cnn.api.eval.Prediction;
import dev.cnn.api.model.Model;
import dev.cnn.viz.FeatureMapSlide;
import dev.cnn.viz.FilterPicture;
import dev.cnn.viz.PngFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cnn visualize}: pictures of the first convolution's filters and of the feature maps an image produces. */
@Command(name = "visualize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw what a convolutional network looks at: the filters of its first conv layer, and the"
                + " feature maps and pooled maps each stage makes of one image.",
                "Writes filters.png and feature-maps.png into --out-dir."},
        footer = {"", "Examples:", "  ./cnn visualize --model-file runs/demo/model.cnn digit.png",
                "  ./cnn visualize --model-file runs/demo/model.cnn --index 0"})
final class VisualizeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Main main;

    @Mixin
    private CommonOptions common;

    @Mixin
    private ImageSourceOptions source;


    @Parameters(paramLabel = "IMAGE", arity = "0..1", description = "The image whose feature maps to draw.")
    private Path image;

    @Option(names = "--index", paramLabel = "I", description = "Use test image I of --dataset instead of an IMAGE file.")
    private Integer index;



    @Option(names = "--node", paramLabel = "NAME", description = "Draw only the feature maps of this node (names as in"
            + " ./cnn summary); default: every stage.")
    private String node;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Where to write the PNGs (default: MODEL-visualize next to the model file).")
    private Path outDir;

    @Override
    public Integer call() throws Exception {
        if ((image == null) == (index == null)) {
            throw Options.usage(spec, "name one IMAGE file, or a test image with --index I");
        }
        if (index != null) {
            Options.atLeast(spec, "--index", index, 0);
        }
        Inversion inversion = source.inversion();
        Model model = ModelFiles.load(source.modelFile(), common.backend());
        Prediction input = image != null
                ? PredictionInputs.fromFiles(model, List.of(image), inversion).get(0)
                : PredictionInputs.fromPicked(model, source.testImages(model, List.of(index), new LoadReporter(
                        spec.commandLine().getOut(), spec.commandLine().getErr(), main.interactiveTerminal(),
                        source.dataset())), List.of(index)).get(0);
        Path dir = outDir != null ? outDir : ModelFiles.sibling(source.modelFile(), "-visualize");
        if (node != null && !FeatureMapSlide.mapNodes(model.network()).contains(node)) {
            throw Options.usage(spec, (model.network().nodeNames().contains(node) ? "node '" + node + "' makes "
                    + model.network().shapeOf(node) + ", not feature maps" : "the model has no node '" + node + "'")
                    + "; nodes with feature maps: " + String.join(", ", FeatureMapSlide.mapNodes(model.network())));
        }
        List<Path> written = write(model, input, dir, source.modelFile().getFileName().toString(), node);
        PrintWriter out = spec.commandLine().getOut();
        String tags = model.tagHead().map(h -> "; " + input.describeTags(h.labels(), h.thresholdArray())).orElse("");
        out.println(LabelText.shown(input.source()) + ": " + input.describeTop(Math.min(3, model.classNames().size()), model.classNames())
                + tags);
        for (Path p : written) {
            out.println("wrote " + p);
        }
        return 0;
    }

    /**
     * Writes {@code filters.png} and {@code feature-maps.png} for {@code input} into {@code dir}: every stage's maps, or
     * only those of {@code node} when it is not null.
     */
    static List<Path> write(Model model, Prediction input, Path dir, String modelName, String node) throws IOException {
        String conv = FilterPicture.firstConvolution(model.network()).orElseThrow(() -> new CliFailure(
                "the model " + modelName + " has no convolutional layer, so it has no filters or feature maps to draw;"
                        + " train a conv preset such as conv-20-40"));
        Files.createDirectories(dir);
        Path filters = dir.resolve("filters.png");
        PngFiles.write(FilterPicture.render(model.network(), conv), filters);
        int predicted = input.predicted();
        String source = input.source().startsWith("#") ? "test image " + input.source() : input.source();
        String title = String.format("What %s sees in %s (predicted %s, %.1f%%)", modelName, source,
                model.classNames().get(predicted), input.probabilities()[predicted] * 100);
        Path maps = dir.resolve("feature-maps.png");
        PngFiles.write(FeatureMapSlide.render(model, input.pixels(), title, node), maps);
        return List.of(filters, maps);
    }
}
