package dev.cnn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.model.Model;
import dev.cnn.api.tensor.Shape;
import dev.cnn.models.Preset;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the README's ONNX example, and checks the README shows exactly this code. */
class OnnxReadmeExampleTest {

    @Test
    void theReadmeExampleExportsRunsInOnnxRuntimeAndImports() throws Exception {
        TestModels.preset(Preset.LENET5, Shape.of(1, 28, 28), 3).save(Path.of("model.cnn"));
        try {
            // onnx-example:start
            Model model = Model.load(Path.of("model.cnn"), Backends.select());    // ./cnn train ... --out model.cnn
            model.exportOnnx(Path.of("model.onnx"));                              // or: ./cnn export --model-file model.cnn

            // ONNX Runtime (com.microsoft.onnxruntime:onnxruntime) takes pixels in [0, 1]: the normalisation is inside
            float[] pixels = new float[28 * 28];                                  // one 28x28 grey image
            float[] probabilities;
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession session = env.createSession("model.onnx", new OrtSession.SessionOptions());
                 OnnxTensor image = OnnxTensor.createTensor(env, FloatBuffer.wrap(pixels), new long[] {1, 1, 28, 28});
                 OrtSession.Result result = session.run(Map.of("image", image))) {
                String head = model.heads().get(0).name();                        // one output per head
                probabilities = ((float[][]) result.get(head).get().getValue())[0];
                String classes = session.getMetadata().getCustomMetadata().get("classes");   // ["class0", ...]
                System.out.println(classes + ": " + Arrays.toString(probabilities));
            }

            // and back: a file PyTorch's torch.onnx.export wrote, or this one; fine-tune it like any model
            Model imported = Model.importOnnx(Path.of("model.onnx"), Backends.select());
            imported.save(Path.of("imported.cnn"));                               // ./cnn train --init-from imported.cnn
            // onnx-example:end
            float[] ours = model.predictProbabilities(pixels, 1)[0];
            Agreement.assertClose(new float[][] {ours}, new float[][] {probabilities}, "README example");
            Agreement.assertClose(new float[][] {ours}, imported.predictProbabilities(pixels, 1), "imported");
        } finally {
            for (String f : new String[] {"model.cnn", "model.onnx", "imported.cnn"}) {
                Files.deleteIfExists(Path.of(f));
            }
        }
    }

    @Test
    void theReadmeShowsThisExampleVerbatim() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/cnn/onnx/OnnxReadmeExampleTest.java"));
        String readme = Files.readString(Path.of("../README.md"));
        assertEquals(normalize(between(source, "// onnx-example:start", "// onnx-example:end")),
                normalize(between(readme, "<!-- onnx-example:start -->\n```java", "```\n<!-- onnx-example:end -->")),
                "README.md's ONNX example differs from OnnxReadmeExampleTest: copy the code between the markers");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end, from + 1);
        assertTrue(from >= 0 && to > from, "markers '" + start + "' and '" + end + "' not found");
        return text.substring(from + start.length(), to);
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
