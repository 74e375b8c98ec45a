package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatasetsCommandTest {

    @Test
    void listNamesEveryDataset() {
        Cli.Result r = Cli.run("datasets", "list").succeeded();
        assertTrue(r.out().contains("\nmnist "), r.out());
        assertTrue(r.out().contains("\nfashion-mnist "), r.out());
    }

    @Test
    void installOfAnUnknownDatasetIsAUsageError() {
        Cli.run("datasets", "install", "imagenet").failedWith(2, "unknown dataset 'imagenet'; known: mnist, fashion-mnist");
    }

    @Test
    void installNeedsAName() {
        Cli.run("datasets", "install").failedWith(2, "NAME");
    }

    @Test
    void datasetsNeedsASubcommand() {
        Cli.run("datasets").failedWith(2, "list, install or export");
    }
}
