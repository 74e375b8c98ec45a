package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    @Test
    void exportThenImportPredictsTheSameAndFineTunes(@TempDir Path dir) throws Exception {
        Path model = TrainedModel.train(dir);
        Path onnx = dir.resolve("model.onnx");
        Cli.run("export", "--model-file", model.toString(), "--out", onnx.toString()).succeeded();
        Path back = dir.resolve("back.cnn");
        Cli.Result r = Cli.run("import", onnx.toString(), "--out", back.toString()).succeeded();
        assertTrue(r.out().contains("imported " + onnx + ": input [1, 28, 28]"), r.out());
        assertTrue(r.out().contains("softmax_cross_entropy, 10 values"), r.out());
        assertTrue(r.out().contains("saved " + back), r.out());
        Path data = dir.resolve("data");
        String before = Cli.run("predict", "--model-file", model.toString(), "--dataset", data.toString(), "--index",
                "0..4").succeeded().out();
        String after = Cli.run("predict", "--model-file", back.toString(), "--dataset", data.toString(), "--index",
                "0..4").succeeded().out();
        assertEquals(before.replace(model.toString(), "M"), after.replace(back.toString(), "M"));
        Cli.run("train", "--init-from", back.toString(), "--dataset", data.toString(), "--epochs", "1", "--batch-size",
                "10", "--out", dir.resolve("tuned.cnn").toString()).succeeded();
        assertTrue(Files.size(dir.resolve("tuned.cnn")) > 1000);
    }

    @Test
    void aFileThatIsNotOnnxFailsInOneLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.onnx");
        Files.write(bad, new byte[] {1, 2, 3, 4, 5});
        Cli.run("import", bad.toString(), "--out", dir.resolve("m.cnn").toString())
                .failedWith(1, "is not a whole ONNX model");
    }

    @Test
    void aMissingFileSaysHowToMakeOne(@TempDir Path dir) {
        Cli.run("import", dir.resolve("none.onnx").toString()).failedWith(1, "torch.onnx.export");
    }
}
