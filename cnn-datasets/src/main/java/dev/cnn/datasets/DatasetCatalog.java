package dev.cnn.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the files of {@link NamedDataset}s. For a dataset called {@code <name>} it looks, in order, in: an explicit
 * directory when one is given; {@code $CNN_DATA_DIR/<name>/}; {@code ~/.cnn/data/<name>/}; the dataset's system
 * directories (for Fashion-MNIST the Debian package's {@code /usr/share/datasets/fashion-mnist/}). Each directory
 * may hold raw or gzip files, directly or in the npm layout {@code package/data/}.
 */
public final class DatasetCatalog {
    /** The environment variable that names the data directory. */
    public static final String DATA_DIR_VARIABLE = "CNN_DATA_DIR";

    private final Path dataDirectory;
    private final Path userDataDirectory;
    private final Function<NamedDataset, List<Path>> systemDirectories;

    /**
     * @param dataDirectory     {@code $CNN_DATA_DIR}, or null when unset
     * @param userDataDirectory the per-user directory, normally {@code ~/.cnn/data}
     * @param systemDirectories the system directories searched last for each dataset
     */
    public DatasetCatalog(Path dataDirectory, Path userDataDirectory,
                          Function<NamedDataset, List<Path>> systemDirectories) {
        this.dataDirectory = dataDirectory;
        this.userDataDirectory = userDataDirectory;
        this.systemDirectories = systemDirectories;
    }

    /** The catalog of this process: {@code $CNN_DATA_DIR}, {@code ~/.cnn/data} and the system directories. */
    public static DatasetCatalog fromEnvironment() {
        String env = System.getenv(DATA_DIR_VARIABLE);
        Path dataDirectory = env == null || env.isBlank() ? null : Path.of(env);
        return new DatasetCatalog(dataDirectory, Path.of(System.getProperty("user.home"), ".cnn", "data"),
                NamedDataset::systemDirectories);
    }

    /** The directory an installer writes {@code dataset} to: under {@code $CNN_DATA_DIR} when set, else under {@code ~/.cnn/data}. */
    public Path installDirectory(NamedDataset dataset) {
        return (dataDirectory != null ? dataDirectory : userDataDirectory).resolve(dataset.id());
    }

    /** The directories searched for {@code dataset}, in order; {@code explicitDirectory} may be null. */
    public List<Path> searchPath(NamedDataset dataset, Path explicitDirectory) {
        Set<Path> dirs = new LinkedHashSet<>();
        if (explicitDirectory != null) {
            dirs.add(explicitDirectory);
        }
        if (dataDirectory != null) {
            dirs.add(dataDirectory.resolve(dataset.id()));
        }
        dirs.add(userDataDirectory.resolve(dataset.id()));
        dirs.addAll(systemDirectories.apply(dataset));
        return List.copyOf(dirs);
    }

    /** The dataset's files from the first directory on its search path that holds all four, if any. */
    public Optional<IdxFileSet> find(NamedDataset dataset, Path explicitDirectory) {
        for (Path dir : searchPath(dataset, explicitDirectory)) {
            IdxFileSet.Lookup lookup = IdxFileSet.lookIn(dir);
            if (lookup.found() != null) {
                return Optional.of(lookup.found());
            }
        }
        return Optional.empty();
    }

    /**
     * The dataset, found on its search path.
     *
     * @param explicitDirectory searched first; may be null
     * @throws DatasetNotFoundException listing every place looked at and the command that installs the dataset
     */
    public LocatedDataset locate(NamedDataset dataset, Path explicitDirectory) throws DatasetNotFoundException {
        List<String> looked = new ArrayList<>();
        for (Path dir : searchPath(dataset, explicitDirectory)) {
            IdxFileSet.Lookup lookup = IdxFileSet.lookIn(dir);
            if (lookup.found() != null) {
                return new LocatedDataset(dataset.id(), dataset.classNames(), lookup.found());
            }
            looked.add("  " + dir + " (" + lookup.reason() + ")");
        }
        throw new DatasetNotFoundException("dataset '" + dataset.id() + "' is not installed. Looked in:\n"
                + String.join("\n", looked) + "\nInstall it with:\n  " + dataset.installCommand()
                + "\n(which runs: " + dataset.underlyingInstall() + ")");
    }

    /**
     * A dataset by name ({@code mnist}, {@code fashion-mnist}) or by a directory holding the four IDX files. A directory
     * named like a known dataset gets that dataset's class names; any other directory gets numbered classes.
     *
     * @throws DatasetNotFoundException when the name is unknown and no such directory exists, or the files are missing
     */
    public LocatedDataset open(String nameOrDirectory) throws DatasetNotFoundException {
        Optional<NamedDataset> named = NamedDataset.byId(nameOrDirectory);
        if (named.isPresent()) {
            return locate(named.get(), null);
        }
        Path dir = Path.of(nameOrDirectory);
        if (!Files.isDirectory(dir)) {
            throw new DatasetNotFoundException("'" + nameOrDirectory + "' is neither a known dataset ("
                    + NamedDataset.ids() + ") nor a directory");
        }
        IdxFileSet.Lookup lookup = IdxFileSet.lookIn(dir);
        if (lookup.found() == null) {
            throw new DatasetNotFoundException("directory " + dir + " does not hold an IDX dataset: " + lookup.reason()
                    + " (each file may be raw or .gz, directly in the directory or under package/data/)");
        }
        Path dirName = dir.toAbsolutePath().normalize().getFileName();
        List<String> classNames = dirName == null ? List.of()
                : NamedDataset.byId(dirName.toString()).map(NamedDataset::classNames).orElse(List.of());
        return new LocatedDataset(dir.toString(), classNames, lookup.found());
    }
}
