package dev.cnn.cli;

import dev.cnn.api.data.Dataset;
import dev.cnn.datasets.DatasetSource;
import dev.cnn.api.eval.Evaluation;
import dev.cnn.api.model.Model;
import dev.cnn.viz.ConfusionHeatMap;
import dev.cnn.viz.TagF1Chart;
import dev.cnn.cli.training.ModelScores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cnn eval}: accuracy, top-3 accuracy, per-class scores and the confusion matrix of a model on a dataset. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score a model on a dataset's test split: accuracy, top-3 accuracy, precision, recall and F1"
                + " per class, and the confusion matrix as text and as a PNG heat map.",
                "For a tagger, also per tag: threshold, precision, recall, F1 and average precision, their macro and"
                        + " micro means, exact match and Hamming loss, and a PNG bar chart of F1 per tag."},
        footer = {"", "Example: ./cnn eval --model-file runs/demo/model.cnn --dataset mnist"})
final class EvalCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Main main;

    @Mixin
    private CommonOptions common;

    @Option(names = "--model-file", paramLabel = "FILE", required = true, description = "A model written by ./cnn train.")
    private Path modelFile;

    @Option(names = "--dataset", paramLabel = "NAME|DIR", required = true,
            description = "mnist, fashion-mnist, shapes[:TRAIN[:TEST[:SIZE]]], a directory holding the four IDX files,"
                    + " or a folder of images with one sub-folder per class (images are resized to the model's input).")
    private String dataset;

    @Option(names = "--split", paramLabel = "NAME", defaultValue = "test", description = "test or train (default: ${DEFAULT-VALUE}).")
    private String split;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "256", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--plot", paramLabel = "FILE", description = "The heat map PNG (default: next to the model, MODEL-confusion.png).")
    private Path plot;

    @Option(names = "--tag-plot", paramLabel = "FILE", description = "A tagger's F1-per-tag bar chart PNG (default: next"
            + " to the model, MODEL-tag-f1.png).")
    private Path tagPlot;

    @Mixin
    private ThresholdOption threshold;

    @Mixin
    private TtaOption tta;

    @Override
    public Integer call() throws Exception {
        String splitName = split.trim().toLowerCase(Locale.ROOT);
        if (!splitName.equals("test") && !splitName.equals("train")) {
            throw Options.usage(spec, "--split is test or train, got '" + split + "'");
        }
        Options.atLeast(spec, "--batch-size", batchSize, 1);
        var augmentation = tta.kind();
        PrintWriter out = spec.commandLine().getOut();
        Model model = threshold.apply(ModelFiles.load(modelFile, common.backend()));
        DatasetSource located = DatasetAccess.source(dataset, DatasetAccess.Wanted.forModel(model),
                new LoadReporter(out, spec.commandLine().getErr(), main.interactiveTerminal(), dataset));
        Dataset data = splitName.equals("test") ? located.test() : located.train();
        out.printf("evaluating %s on the %s split of %s (%,d images)%s%n", modelFile, splitName, located.name(), data.size(),
                tta.describe());
        ModelScores scores = ModelEvaluation.scores(model, data, batchSize, augmentation);
        Evaluation evaluation = scores.classes();
        ModelEvaluation.print(evaluation, out);
        Path png = plot != null ? plot : ModelFiles.sibling(modelFile, "-confusion.png");
        ConfusionHeatMap.write(evaluation.confusionMatrix(), evaluation.classNames(),
                "Confusion matrix: " + modelFile.getFileName() + " on " + located.name() + " " + splitName
                        + " (accuracy " + Messages.percent(evaluation.accuracy()) + ")", png);
        out.println();
        out.println("heat map: " + png);
        if (scores.tags() != null) {
            out.println();
            out.println("tags of head '" + model.tagHead().orElseThrow().name() + "' (" + threshold.describe(model) + "):");
            out.print(scores.tags().tagReport());
            Path bars = tagPlot != null ? tagPlot : ModelFiles.sibling(modelFile, "-tag-f1.png");
            TagF1Chart.write(scores.tags(), "F1 per tag: " + modelFile.getFileName() + " on " + located.name() + " "
                    + splitName, bars);
            out.println();
            out.println("tag F1 chart: " + bars);
        }
        return 0;
    }
}
