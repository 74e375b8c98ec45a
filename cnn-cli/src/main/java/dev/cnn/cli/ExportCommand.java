package dev.cnn.cli;

import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import dev.cnn.onnx.Onnx;
import dev.cnn.onnx.OnnxExport;
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

/** {@code cnn export}: a model file as a standard ONNX file, for ONNX Runtime and the tools that read ONNX. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a model file as ONNX (opset " + OnnxExport.OPSET + "): input 'image', float pixels in [0, 1]"
                + " as [N, C, H, W], the normalisation inside; one output per head with what predict shows."},
        footer = {"", "Examples:", "  ./cnn export --model-file runs/demo/model.cnn --out model.onnx"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--model-file", paramLabel = "FILE", required = true, description = "A model written by ./cnn train.")
    private Path modelFile;

    @Option(names = "--out", paramLabel = "FILE", description = "The ONNX file to write (default: the model file's name"
            + " with .onnx).")
    private Path out;

    @Override
    public Integer call() throws Exception {
        Path target = out != null ? out : ModelFiles.sibling(modelFile, ".onnx");
        if (target.toAbsolutePath().normalize().equals(modelFile.toAbsolutePath().normalize())) {
            throw Options.usage(spec, "--out names the model file itself; give another file, such as "
                    + ModelFiles.sibling(modelFile, ".onnx"));
        }
        Model model = ModelFiles.load(modelFile, common.backend());
        ModelFiles.checkWritable(target);
        Onnx.export(model, target);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "exported %s to %s (%,d KB), ONNX opset %d: input '%s' [N, %s] (pixels in [0, 1])%n",
                modelFile, target, (Files.size(target) + 1023) / 1024, OnnxExport.OPSET, OnnxExport.INPUT,
                model.inputShape().toString().replaceAll("[\\[\\]]", ""));
        for (Head head : model.heads()) {
            w.printf(Locale.ROOT, "  output '%s' [N, %d]: %s%n", head.name(), model.network().outputShape(head.name())
                    .size(), what(head));
        }
        w.println("Run it with ONNX Runtime (the README shows how from Java), or bring it back: ./cnn import " + target
                + " --out FILE.cnn");
        return 0;
    }

    private static String what(Head head) {
        return switch (head.loss().targets()) {
            case CLASS -> "class probabilities (softmax) of " + head.labels().size() + " classes";
            case TAGS -> "tag probabilities (a sigmoid each) of " + head.labels().size() + " tags";
            default -> "values";
        };
    }
}
