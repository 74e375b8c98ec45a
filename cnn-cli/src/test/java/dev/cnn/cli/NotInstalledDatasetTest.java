package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands on a machine where MNIST is not installed: the user's data folder is pointed at an empty one. */
class NotInstalledDatasetTest {
    @TempDir
    Path home;
    private String realHome;

    @BeforeEach
    void emptyHome() {
        assumeTrue(System.getenv("CNN_DATA_DIR") == null, "CNN_DATA_DIR would be searched first");
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (realHome != null) {
            System.setProperty("user.home", realHome);
        }
    }

    @Test
    void trainSaysHowToInstall() {
        Cli.run("train", "--model", "mlp", "--dataset", "mnist")
                .failedWith(1, "dataset 'mnist' is not installed; install it with: ./cnn datasets install mnist");
    }

    @Test
    void evalAndPredictSayHowToInstall(@TempDir Path dir) throws Exception {
        Path data = SyntheticDigits.write(dir.resolve("d"), 50, 10, 28);
        Path model = dir.resolve("m.cnn");
        Cli.run("train", "--model", "mlp", "--dataset", data.toString(), "--epochs", "1", "--out", model.toString()).succeeded();
        Cli.run("eval", "--model-file", model.toString(), "--dataset", "mnist").failedWith(1, "./cnn datasets install mnist");
        Cli.run("predict", "--model-file", model.toString(), "--index", "0").failedWith(1, "./cnn datasets install mnist");
    }

    @Test
    void datasetsListShowsWhatIsMissingAndHowToInstallIt() {
        Cli.Result r = Cli.run("datasets", "list").succeeded();
        assertTrue(r.out().matches("(?s).*\\nmnist\\s+not installed\\s+install with: \\./cnn datasets install mnist\\n.*"), r.out());
        assertTrue(r.out().contains("--dataset DIR"), r.out());
    }
}
