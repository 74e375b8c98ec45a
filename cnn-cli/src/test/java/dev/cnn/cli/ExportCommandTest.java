package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.onnx.proto.OnnxProto.ModelProto;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @Test
    void aTrainedModelBecomesAnOnnxFileWithOneOutputPerHead(@TempDir Path dir) throws Exception {
        Path model = TrainedModel.train(dir);
        Path onnx = dir.resolve("out/model.onnx");
        Cli.Result r = Cli.run("export", "--model-file", model.toString(), "--out", onnx.toString()).succeeded();
        assertTrue(r.out().contains("exported " + model + " to " + onnx), r.out());
        assertTrue(r.out().contains("input 'image' [N, 1, 28, 28]"), r.out());
        assertTrue(r.out().contains("class probabilities (softmax) of 10 classes"), r.out());
        ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(onnx));
        assertEquals("image", proto.getGraph().getInput(0).getName());
        assertEquals(1, proto.getGraph().getOutputCount());
    }

    @Test
    void withoutOutTheFileGoesBesideTheModel(@TempDir Path dir) throws Exception {
        Path model = TrainedModel.train(dir);
        Cli.run("export", "--model-file", model.toString()).succeeded();
        assertTrue(Files.size(dir.resolve("model.onnx")) > 1000);
    }

    @Test
    void aMissingModelFileFailsInOneLineSayingWhatToDo(@TempDir Path dir) {
        Cli.run("export", "--model-file", dir.resolve("none.cnn").toString(), "--out", dir.resolve("m.onnx").toString())
                .failedWith(1, "does not exist; train one with ./cnn train");
    }

    @Test
    void outMayNotBeTheModelFileItself(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.cnn");
        Files.writeString(model, "x");
        Cli.run("export", "--model-file", model.toString(), "--out", model.toString())
                .failedWith(2, "--out names the model file itself");
    }
}
