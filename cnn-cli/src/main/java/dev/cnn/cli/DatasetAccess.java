package dev.cnn.cli;

import dev.cnn.api.data.Dataset;
import dev.cnn.datasets.DatasetCatalog;
import dev.cnn.datasets.DatasetNotFoundException;
import dev.cnn.datasets.DatasetSource;
import dev.cnn.datasets.DatasetSources;
import dev.cnn.datasets.Datasets;
import dev.cnn.datasets.ImageFolderOptions;
import dev.cnn.datasets.ImageFolderSource;
import dev.cnn.datasets.LoadListener;
import dev.cnn.datasets.LocatedDataset;
import dev.cnn.datasets.NamedDataset;
import dev.cnn.datasets.Resampling;
import dev.cnn.api.model.Model;
import dev.cnn.api.tensor.Shape;
import java.io.IOException;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Opens a dataset given on the command line, by name ({@code mnist}, {@code fashion-mnist}, {@code shapes[:...]}),
 * as a directory of IDX files or as a folder of class folders of images, failing with one line that says what to do.
 */
final class DatasetAccess {
    /** What {@code --dataset} accepts, for messages. */
    static final String ACCEPTED = "mnist, fashion-mnist, shapes[:TRAIN[:TEST[:SIZE]]], a directory holding the four IDX"
            + " files, or a folder of images with one sub-folder per class (DIR/CLASS/*.png, or DIR/train/CLASS/ and"
            + " DIR/test/CLASS/)";

    private DatasetAccess() {
    }

    /**
     * What a command wants of a dataset's images; 0 for what the images are.
     *
     * @param channels   1 or 3, or 0
     * @param rows       the height, or 0
     * @param columns    the width, or 0
     * @param classNames the classes (of a model), matched by name with a folder's; empty for the folder's own
     */
    record Wanted(int channels, int rows, int columns, List<String> classNames) {
        /** The images as they are. */
        static Wanted asTheyAre() {
            return new Wanted(0, 0, 0, List.of());
        }

        /** What {@code --input-size} and {@code --channels} ask for. */
        static Wanted of(ImageShapeOptions options) {
            int[] hw = options.size();
            return new Wanted(options.channels(), hw[0], hw[1], List.of());
        }

        /** Images of the shape {@code model} takes, in its classes. */
        static Wanted forModel(Model model) {
            Shape shape = model.inputShape();
            if (shape.rank() != 3 || (shape.dim(0) != 1 && shape.dim(0) != 3)) {
                throw new CliFailure("the model takes inputs of shape " + shape + ", which are not images of 1 or 3"
                        + " channels");
            }
            return new Wanted(shape.dim(0), shape.dim(1), shape.dim(2),
                    model.classHead().map(dev.cnn.api.model.Head::labels).orElse(List.of()));
        }

        Shape applyTo(Shape nativeShape) {
            return Shape.of(channels != 0 ? channels : nativeShape.dim(0), rows != 0 ? rows : nativeShape.dim(1),
                    columns != 0 ? columns : nativeShape.dim(2));
        }
    }

    /** The IDX dataset called {@code nameOrDirectory}, or the one in that directory. */
    static LocatedDataset open(String nameOrDirectory) throws IOException {
        try {
            LocatedDataset dataset = Datasets.load(nameOrDirectory);
            LoggerFactory.getLogger(DatasetAccess.class).debug("dataset {}: {}", dataset.name(), dataset.files());
            return dataset;
        } catch (DatasetNotFoundException e) {
            throw notFound(nameOrDirectory, e);
        }
    }

    /**
     * Any dataset {@code --dataset} accepts, its images converted to what {@code wanted} says. A folder of images is read
     * (once, when a split is first asked for) with {@code listener} hearing how it goes.
     */
    static DatasetSource source(String spec, Wanted wanted, LoadListener listener) throws IOException {
        ImageFolderOptions options = ImageFolderOptions.defaults().withChannels(wanted.channels())
                .withSize(wanted.rows(), wanted.columns()).withClassNames(wanted.classNames());
        DatasetSource source;
        try {
            source = DatasetSources.open(spec, DatasetCatalog.fromEnvironment(), options, listener);
        } catch (DatasetNotFoundException e) {
            throw notFound(spec, e);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        LoggerFactory.getLogger(DatasetAccess.class).debug("dataset {}: {}", source.name(), source);
        return source instanceof ImageFolderSource ? source : new Fitted(source, wanted);
    }

    /**
     * The images at {@code indices} of the test split of {@code spec}, in that order, as {@code wanted} says: only these
     * images are converted, so that showing one image of a large split at a large input size costs one conversion, not
     * a copy of the whole split; of a folder of images, only these images are decoded
     * ({@link ImageFolderSource#testImagesAt}).
     *
     * @throws CliFailure when an index is outside the split
     */
    static Dataset testImagesAt(String spec, Wanted wanted, LoadListener listener, List<Integer> indices)
            throws IOException {
        DatasetSource source = source(spec, wanted, listener);
        int[] at = indices.stream().mapToInt(Integer::intValue).toArray();
        if (source instanceof ImageFolderSource folder && !wanted.classNames().isEmpty()) {
            try {
                return folder.testImagesAt(at);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage(), e);
            }
        }
        Dataset test = source instanceof Fitted fitted ? fitted.source().test() : source.test();
        for (int k = 0; k < at.length; k++) {
            if (at[k] >= test.size()) {
                throw new CliFailure("index " + at[k] + " is outside the test split, which has images 0.."
                        + (test.size() - 1));
            }
        }
        Dataset picked = test.select(at);
        return source instanceof Fitted fitted ? fitted.fit(picked) : picked;
    }

    private static CliFailure notFound(String spec, DatasetNotFoundException e) {
        LoggerFactory.getLogger(DatasetAccess.class).debug("{}", e.getMessage());
        var named = NamedDataset.byId(spec);
        if (named.isPresent()) {
            return new CliFailure("dataset '" + named.get().id() + "' is not installed; install it with: "
                    + named.get().installCommand() + " (or pass --dataset DIR, a directory holding the four IDX files;"
                    + " --verbose lists where it looked)", e);
        }
        return new CliFailure(Messages.oneLine(e.getMessage()) + "; give " + ACCEPTED + " (see ./cnn datasets list)", e);
    }

    /** The last part of the dataset's name or directory, for file names: {@code mnist}. */
    static String shortName(DatasetSource dataset) {
        String name = dataset.name().replace('\\', '/');
        while (name.endsWith("/") && name.length() > 1) {
            name = name.substring(0, name.length() - 1);
        }
        String last = name.substring(name.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        last = colon > 0 ? last.substring(0, colon) : last;
        return last.isEmpty() || last.equals(".") ? "data" : last;
    }

    /** A dataset whose images are converted to the shape wanted. */
    private record Fitted(DatasetSource source, Wanted wanted) implements DatasetSource {
        @Override
        public String name() {
            return source.name();
        }

        @Override
        public Dataset train() throws IOException {
            return fit(source.train());
        }

        @Override
        public Dataset test() throws IOException {
            return fit(source.test());
        }

        private Dataset fit(Dataset data) {
            return Resampling.toShape(data, wanted.applyTo(data.sampleShape()));
        }
    }
}
