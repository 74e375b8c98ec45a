package dev.cnn.cli;

import java.nio.file.Path;

/** Trains a small model on synthetic squares for the tests of the commands that use one. */
final class TrainedModel {
    private TrainedModel() {
    }

    /** Writes the dataset to {@code dir/data} and a conv-3maps model trained one epoch on it to {@code dir/model.cnn}. */
    static Path train(Path dir) throws Exception {
        Path data = SyntheticDigits.write(dir.resolve("data"), 300, 100, 28);
        Path model = dir.resolve("model.cnn");
        Cli.run("train", "--model", "conv-3maps", "--dataset", data.toString(), "--epochs", "1", "--batch-size", "10",
                "--lr", "0.01", "--out", model.toString())
                .succeeded();
        return model;
    }
}
