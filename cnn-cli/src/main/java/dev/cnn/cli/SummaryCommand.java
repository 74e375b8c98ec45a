package dev.cnn.cli;

import dev.cnn.api.eval.LabelText;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.ModelLimits;
import dev.cnn.api.network.GraphConfig;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.tensor.Shape;
import dev.cnn.models.Preset;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cnn summary}: the layer table of a preset or a model file. */
@Command(name = "summary", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print the layers of a preset or a model file with their output shapes and parameter counts.",
        footer = {"", "Examples:", "  ./cnn summary --model conv-20-40", "  ./cnn summary --model runs/demo/model.cnn"})
final class SummaryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--model", paramLabel = "PRESET|FILE", required = true,
            description = "A preset (${COMPLETION-CANDIDATES}) or a model file.", completionCandidates = PresetNames.class)
    private String model;

    @Option(names = "--input-shape", paramLabel = "C,H,W", defaultValue = "1,28,28", split = ",",
            description = "Image shape for a preset (default: ${DEFAULT-VALUE}).")
    private int[] inputShape;

    @Option(names = "--classes", paramLabel = "N", defaultValue = "10", description = "Classes for a preset (default: ${DEFAULT-VALUE}).")
    private int classes;

    @Option(names = "--tags", paramLabel = "N", defaultValue = "16", description = "Tags for a preset with a tag head,"
            + " such as tagger (default: ${DEFAULT-VALUE}).")
    private int tags;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path file = Path.of(model);
        if (Files.exists(file) || looksLikeFile(model)) {
            Backend backend = common.backend();
            Model loaded = ModelFiles.load(file, backend);
            String classes = loaded.primaryHead().map(h -> h.labels().size() + " classes (" + String.join(", ",
                    LabelText.shown(h.labels())) + ")").orElse("heads " + loaded.heads().stream().map(h -> h.name() + " ("
                    + h.loss().id() + ")").toList());
            out.printf(Locale.ROOT, "model file %s: input %s, %s, normalisation %s%n", file, loaded.inputShape(), classes,
                    loaded.preprocessing().describe());
            loaded.tagHead().ifPresent(h -> out.printf(Locale.ROOT, "tag head '%s': %d tags (%s)%n", h.name(),
                    h.labels().size(), String.join(", ", LabelText.shown(h.labels()))));
            out.print(loaded.network().summary());
            if (loaded.recipe() != null) {
                out.println("trained with: " + loaded.recipe().describe());
            }
            return 0;
        }
        Preset preset = Options.preset(spec, model);
        if (inputShape.length != 3 || inputShape[0] < 1 || inputShape[1] < 1 || inputShape[2] < 1) {
            throw Options.usage(spec, "--input-shape is three positive numbers C,H,W such as 1,28,28");
        }
        Options.atLeast(spec, "--classes", classes, 2);
        Shape shape = Shape.of(inputShape);
        if (preset.tagged()) {
            Options.atLeast(spec, "--tags", tags, 1);
        }
        refuseBeyondLimits(preset.tagged() ? preset.graphConfig(shape, classes, tags) : preset.graphConfig(shape, classes),
                preset);
        GraphNetwork network = preset.tagged() ? preset.build(shape, classes, tags, common.backend(), 1)
                : preset.build(shape, classes, common.backend(), 1);
        out.printf("%s: %s; input %s, %d classes%s%n", preset.id(), preset.description(), shape, classes,
                preset.tagged() ? ", " + tags + " tags" : "");
        out.print(network.summary());
        preset.recipe().ifPresent(r -> out.println("recipe (what ./cnn train --model " + preset.id()
                + " uses unless its options say otherwise): " + r.describe()));
        return 0;
    }

    /**
     * Refuses, before any weight is allocated, a preset whose options make it larger than a model may be
     * ({@link ModelLimits}): {@code --classes 2000000000} asked for 200 billion weights and died of a negative array size.
     */
    private void refuseBeyondLimits(GraphConfig graph, Preset preset) {
        ModelLimits limits = ModelLimits.DEFAULT;
        long parameters;
        long activations;
        try {
            parameters = graph.parameterCount();
            activations = graph.activationsPerImage();
        } catch (ArithmeticException e) {
            throw Options.usage(spec, preset.id() + " with these options has more parameters than a long counts; use"
                    + " fewer --classes or --tags, or a smaller --input-shape");
        }
        if (parameters > limits.maxParameters()) {
            throw Options.usage(spec, String.format(Locale.ROOT, "%s with --classes %,d%s has %,d parameters, more than"
                    + " the %,d a model may have (ModelLimits); use fewer classes or tags, or a smaller --input-shape",
                    preset.id(), classes, preset.tagged() ? String.format(Locale.ROOT, " and --tags %,d", tags) : "",
                    parameters, limits.maxParameters()));
        }
        if (activations > limits.maxActivationsPerImage()) {
            throw Options.usage(spec, String.format(Locale.ROOT, "%s on --input-shape %s makes %,d values per image,"
                    + " more than the %,d a model may (ModelLimits); use a smaller --input-shape", preset.id(),
                    Shape.of(inputShape), activations, limits.maxActivationsPerImage()));
        }
    }

    private static boolean looksLikeFile(String value) {
        return value.contains("/") || value.contains("\\") || value.endsWith(".cnn") || value.endsWith(".zip");
    }
}
