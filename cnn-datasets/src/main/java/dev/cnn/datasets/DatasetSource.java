package dev.cnn.datasets;

import dev.cnn.api.data.Dataset;

import java.io.IOException;

/**
 * A dataset with a training and a test split, wherever it comes from: IDX files ({@link LocatedDataset}), a folder of
 * images ({@link ImageFolderSource}) or images generated in code ({@link ShapesSource}).
 */
public interface DatasetSource {
    /** The dataset's name, or its directory when it was given as a path; for messages and file names. */
    String name();

    /** The training split, pixels in [0, 1]. */
    Dataset train() throws IOException;

    /** The test split, pixels in [0, 1]. */
    Dataset test() throws IOException;
}
