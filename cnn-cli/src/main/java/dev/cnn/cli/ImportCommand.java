package dev.cnn.cli;

import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import dev.cnn.onnx.Onnx;
import dev.cnn.onnx.OnnxFormatException;
import dev.cnn.onnx.OnnxImport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cnn import}: an ONNX file (from PyTorch's torch.onnx.export, or ./cnn export) as a model file. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read an ONNX classifier (such as torch.onnx.export writes) into a model file that predict,"
                + " eval, train --init-from and export take. Operators our layers cannot express exactly are refused,"
                + " naming the node."},
        footer = {"", "Operators read: " + OnnxImport.OPERATORS + ".", "", "Examples:", "  ./cnn import model.onnx --out model.cnn",
                "  ./cnn train --init-from model.cnn --dataset mnist --epochs 1"})
final class ImportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(paramLabel = "FILE.onnx", description = "The ONNX file.")
    private Path onnx;

    @Option(names = "--out", paramLabel = "FILE", description = "The model file to write (default: the ONNX file's"
            + " name with .cnn).")
    private Path out;

    @Override
    public Integer call() throws Exception {
        Path target = out != null ? out : ModelFiles.sibling(onnx, ".cnn");
        if (target.toAbsolutePath().normalize().equals(onnx.toAbsolutePath().normalize())) {
            throw Options.usage(spec, "--out names the ONNX file itself; give another file, such as "
                    + ModelFiles.sibling(onnx, ".cnn"));
        }
        if (!Files.isRegularFile(onnx)) {
            throw new CliFailure("ONNX file " + onnx + " does not exist or is no file; write one with"
                    + " torch.onnx.export(model, example, \"model.onnx\") or ./cnn export --model-file FILE");
        }
        Model model;
        try {
            model = Onnx.importModel(onnx, common.backend());
        } catch (OnnxFormatException e) {
            throw new CliFailure(e.getMessage() + " (./cnn import --help lists what import reads)", e);
        }
        ModelFiles.checkWritable(target);
        model.save(target);
        PrintWriter w = spec.commandLine().getOut();
        long parameters = model.network().parameters().values().stream().mapToLong(p -> p.shape().size()).sum();
        w.printf(Locale.ROOT, "imported %s: input %s, %d nodes, %,d parameters, normalisation %s%n", onnx,
                model.inputShape(), model.network().nodeNames().size(), parameters, model.preprocessing().describe());
        for (Head head : model.heads()) {
            w.printf(Locale.ROOT, "  head '%s': %s, %d values%n", head.name(), head.loss().id(),
                    model.network().outputShape(head.name()).size());
        }
        w.printf(Locale.ROOT, "saved %s (%,d KB). Next: ./cnn summary --model %s, or fine-tune it: ./cnn train"
                + " --init-from %s --dataset NAME|DIR%n", target, (Files.size(target) + 1023) / 1024, target, target);
        return 0;
    }
}
