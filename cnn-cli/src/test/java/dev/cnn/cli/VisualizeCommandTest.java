package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisualizeCommandTest {
    /** Heights from the sheet layout: margins 16, title 34, heading 26, caption 17, gap 8. */
    static final int FILTERS_HEIGHT = 16 + 34 + 26 + 60 + 17 + 8 + 16;
    static final int CONV_3MAPS_MAPS_HEIGHT = 16 + 34 + (26 + 112 + 17 + 8) + 2 * (26 + 72 + 17 + 8) + 16;
    static final int ONE_NODE_MAPS_HEIGHT = 16 + 34 + (26 + 112 + 17 + 8) + (26 + 72 + 17 + 8) + 16;

    @TempDir
    static Path dir;
    static Path model;
    static Path data;

    @BeforeAll
    static void trainModel() throws Exception {
        model = TrainedModel.train(dir);
        data = dir.resolve("data");
    }

    @Test
    void drawsFiltersAndFeatureMapsOfAnImageFile() throws Exception {
        Path image = PredictCommandTest.picture(dir, "v.png", "png");
        Path out = dir.resolve("pictures");
        Cli.Result r = Cli.run("visualize", "--model-file", model.toString(), image.toString(), "--out-dir", out.toString())
                .succeeded();
        assertTrue(r.out().contains("wrote " + out.resolve("filters.png")), r.out());
        Cli.assertPng(out.resolve("filters.png"), 3 * 60, 1200, FILTERS_HEIGHT);
        Cli.assertPng(out.resolve("feature-maps.png"), 3 * 72, 1200, CONV_3MAPS_MAPS_HEIGHT);
    }

    @Test
    void drawsATestImageByIndexNextToTheModelByDefault() throws Exception {
        Cli.run("visualize", "--model-file", model.toString(), "--dataset", data.toString(), "--index", "3").succeeded();
        Cli.assertPng(dir.resolve("model-visualize/filters.png"), 3 * 60, 1200, FILTERS_HEIGHT);
        Cli.assertPng(dir.resolve("model-visualize/feature-maps.png"), 3 * 72, 1200, CONV_3MAPS_MAPS_HEIGHT);
    }

    @Test
    void drawsTheMapsOfOneNodeByName() throws Exception {
        Path out = dir.resolve("one-node");
        Cli.run("visualize", "--model-file", model.toString(), "--dataset", data.toString(), "--index", "1",
                "--node", "max_pool2d_1", "--out-dir", out.toString()).succeeded();
        Cli.assertPng(out.resolve("feature-maps.png"), 3 * 72, 1200, ONE_NODE_MAPS_HEIGHT);
    }

    @Test
    void aNodeWithoutFeatureMapsOrNoSuchNodeIsRefusedListingTheNodesThatHaveThem() {
        Cli.run("visualize", "--model-file", model.toString(), "--dataset", data.toString(), "--index", "1",
                "--node", "dense_1").failedWith(2, "node 'dense_1' makes [10], not feature maps; nodes with feature"
                + " maps: conv2d_1, relu_1, max_pool2d_1");
        Cli.run("visualize", "--model-file", model.toString(), "--dataset", data.toString(), "--index", "1",
                "--node", "nowhere").failedWith(2, "the model has no node 'nowhere'");
    }

    @Test
    void modelWithoutConvolutionFails() throws Exception {
        Path mlp = dir.resolve("mlp.cnn");
        Cli.run("train", "--model", "mlp", "--dataset", data.toString(), "--epochs", "1", "--out", mlp.toString()).succeeded();
        Cli.run("visualize", "--model-file", mlp.toString(), "--dataset", data.toString(), "--index", "0")
                .failedWith(1, "has no convolutional layer");
    }

    @Test
    void needsExactlyOneImage() {
        Cli.run("visualize", "--model-file", model.toString()).failedWith(2, "name one IMAGE file");
    }
}
