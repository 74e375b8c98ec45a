package dev.cnn.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a dataset by what a user writes: a named IDX dataset ({@code mnist}, {@code fashion-mnist}), the generated
 * {@code shapes[:TRAIN[:TEST[:SIZE[:SEED]]]]}, a directory holding the four IDX files, or a folder of images with one
 * sub-folder per class.
 */
public final class DatasetSources {
    private DatasetSources() {
    }

    /**
     * The dataset {@code spec} names, found with {@code catalog}.
     *
     * @param folderOptions how a folder of images is read
     * @param listener      hears progress, skipped files and warnings of a folder of images or of generation
     * @throws DatasetNotFoundException when {@code spec} names nothing, or a named dataset is not installed
     * @throws IllegalArgumentException when a {@code shapes} spec is malformed
     */
    public static DatasetSource open(String spec, DatasetCatalog catalog, ImageFolderOptions folderOptions,
                                     LoadListener listener) throws IOException {
        if (ShapesSource.isShapes(spec)) {
            return ShapesSource.parse(spec, listener);
        }
        if (NamedDataset.byId(spec).isEmpty()) {
            Path dir = Path.of(spec);
            if (Files.isDirectory(dir) && IdxFileSet.lookIn(dir).found() == null
                    && ImageFolderLayout.looksLikeImageFolders(dir)) {
                return new ImageFolderSource(dir, folderOptions, listener);
            }
            if (Files.isDirectory(dir) && IdxFileSet.lookIn(dir).found() == null) {
                throw new DatasetNotFoundException("directory " + dir + " holds neither the four IDX files ("
                        + String.join(", ", IdxFileSet.BASE_NAMES) + ", raw or .gz) nor class folders of images"
                        + " (" + dir.resolve("CLASS") + "/*.png, or train/CLASS/ and test/CLASS/)");
            }
        }
        return catalog.open(spec);
    }
}
