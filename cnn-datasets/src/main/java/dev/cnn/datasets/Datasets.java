package dev.cnn.datasets;

import java.io.IOException;
import java.nio.file.Path;

/** Entry points for loading datasets with the catalog of this process ({@link DatasetCatalog#fromEnvironment()}). */
public final class Datasets {
    private Datasets() {
    }

    /**
     * A dataset by name ({@code mnist}, {@code fashion-mnist}) or by a directory holding the four IDX files.
     *
     * @throws DatasetNotFoundException with the places looked at and the install command
     */
    public static LocatedDataset load(String nameOrDirectory) throws IOException {
        return DatasetCatalog.fromEnvironment().open(nameOrDirectory);
    }

    /** A named dataset from its usual places. */
    public static LocatedDataset load(NamedDataset dataset) throws IOException {
        return DatasetCatalog.fromEnvironment().locate(dataset, null);
    }

    /** A named dataset, looking first in {@code directory}, then in its usual places. */
    public static LocatedDataset load(NamedDataset dataset, Path directory) throws IOException {
        return DatasetCatalog.fromEnvironment().locate(dataset, directory);
    }
}
