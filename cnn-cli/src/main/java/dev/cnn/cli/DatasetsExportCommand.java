package dev.cnn.cli;

import dev.cnn.api.data.Dataset;
import dev.cnn.datasets.DatasetSource;
import dev.cnn.datasets.ImageFolderWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cnn datasets export NAME DIR}: writes a dataset as PNG class folders and {@code tags.csv}. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a dataset as a folder of PNG images that --dataset DIR reads back: DIR/train/CLASS/00000.png,"
                + " DIR/test/CLASS/00000.png and, for a tagged dataset such as shapes, DIR/tags.csv (path,tag1;tag2).",
                "DIR must not exist or be empty."},
        footer = {"", "Examples:", "  ./cnn datasets export shapes:2000:500 runs/shapes-png",
                "  ./cnn datasets export mnist runs/digits-20 --train 2000 --test 500 --input-size 20"})
final class DatasetsExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private DatasetsCommand parent;

    @Mixin
    private CommonOptions common;

    @Mixin
    private ImageShapeOptions imageShape;

    @Parameters(index = "0", paramLabel = "NAME|DIR", description = "The dataset: any that --dataset takes.")
    private String dataset;

    @Parameters(index = "1", paramLabel = "OUT", description = "The folder to write.")
    private Path out;

    @Option(names = "--train", paramLabel = "N", description = "Write only the first N training images (default: all).")
    private Integer train;

    @Option(names = "--test", paramLabel = "N", description = "Write only the first N test images (default: all).")
    private Integer test;

    @Override
    public Integer call() throws Exception {
        if (train != null) {
            Options.atLeast(spec, "--train", train, 1);
        }
        if (test != null) {
            Options.atLeast(spec, "--test", test, 1);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        LoadReporter reporter = new LoadReporter(stdout, spec.commandLine().getErr(), parentInteractive(), dataset);
        DatasetSource source = DatasetAccess.source(dataset, DatasetAccess.Wanted.of(imageShape), reporter);
        Stopwatch watch = new Stopwatch();
        Dataset trainSplit = first(source.train(), train);
        Dataset testSplit = first(source.test(), test);
        ImageFolderWriter.write(trainSplit, testSplit, out, new LoadReporter(stdout, spec.commandLine().getErr(),
                parentInteractive(), "PNG files"));
        var shape = trainSplit.sampleShape();
        stdout.printf(Locale.ROOT, "wrote %,d training and %,d test images of %dx%d %s in %d classes to %s%s (%s)%n",
                trainSplit.size(), testSplit.size(), shape.dim(1), shape.dim(2), shape.dim(0) == 1 ? "grey" : "RGB",
                trainSplit.classNames().size(), out, trainSplit.hasTags() ? ", with tags.csv" : "", watch.elapsed());
        stdout.println("use it with: ./cnn train --dataset " + out + " ...");
        return 0;
    }

    private static Dataset first(Dataset data, Integer count) {
        return count == null || count >= data.size() ? data : data.range(0, count);
    }

    private boolean parentInteractive() {
        return parent.interactiveTerminal();
    }
}
