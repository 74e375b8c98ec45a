package dev.cnn.examples;

import dev.cnn.api.data.DatasetNotFoundException;
import dev.cnn.api.data.Datasets;
import dev.cnn.api.data.LocatedDataset;
import dev.cnn.api.data.NamedDataset;
import java.io.IOException;
import org.slf4j.LoggerFactory;

/** Opens a dataset given on the command line by name or directory, failing with one line that says what to do. */
final class DatasetAccess {
    private DatasetAccess() {
    }

    /** The dataset called {@code nameOrDirectory}, or the one in that directory. */
    static LocatedDataset open(String nameOrDirectory) throws IOException {
        try {
            LocatedDataset dataset = Datasets.load(nameOrDirectory);
            LoggerFactory.getLogger(DatasetAccess.class).debug("dataset {}: {}", dataset.name(), dataset.files());
            return dataset;
        } catch (DatasetNotFoundException e) {
            LoggerFactory.getLogger(DatasetAccess.class).debug("{}", e.getMessage());
            var named = NamedDataset.byId(nameOrDirectory);
            if (named.isPresent()) {
                throw new CliFailure("dataset '" + named.get().id() + "' is not installed; install it with: "
                        + named.get().installCommand() + " (or pass --dataset DIR, a directory holding the four IDX files;"
                        + " --verbose lists where it looked)", e);
            }
            throw new CliFailure(Messages.oneLine(e.getMessage()) + "; name one of " + NamedDataset.ids()
                    + " or a directory holding the four IDX files (see ./cnn datasets list)", e);
        }
    }

    /** The last part of the dataset's name or directory, for file names: {@code mnist}. */
    static String shortName(LocatedDataset dataset) {
        String name = dataset.name().replace('\\', '/');
        while (name.endsWith("/") && name.length() > 1) {
            name = name.substring(0, name.length() - 1);
        }
        String last = name.substring(name.lastIndexOf('/') + 1);
        return last.isEmpty() || last.equals(".") ? "data" : last;
    }
}
