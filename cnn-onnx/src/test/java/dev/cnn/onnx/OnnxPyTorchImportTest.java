package dev.cnn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.tensor.Shape;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Models PyTorch exported (src/test/python/make_pytorch_models.py wrote them and PyTorch's outputs for a fixed batch):
 * our import computes what PyTorch did, and exports again to a file ONNX Runtime runs the same.
 */
class OnnxPyTorchImportTest {
    @TempDir
    Path dir;

    static Stream<Arguments> modelsOnEachBackend() {
        return TestModels.BACKENDS.stream().flatMap(backend -> Stream.of(
                "lenet", "vgg_block_bn", "residual", "grouped_dilated", "global_max", "ceil_pool")
                .map(name -> Arguments.of(name, backend)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("modelsOnEachBackend")
    void importComputesWhatPyTorchDid(String name, String backend) throws Exception {
        JsonNode data = expected(name);
        Model model = Onnx.importModel(resource(name + ".onnx"), Backends.select(backend));
        float[] input = floats(data.get("input"));
        int n = data.get("input_shape").get(0).asInt();
        float[][] theirs = rows(data.get("expected"));
        String output = data.get("output").asText();
        float[][] ours = raw(model, output, input, n);
        double d = Agreement.assertClose(ours, theirs, name + " on " + backend);
        System.out.printf("onnx import of PyTorch %s on %s: max relative difference vs PyTorch %.2e%n",
                name, backend, d);

        Path again = dir.resolve(name + ".onnx");
        Onnx.export(model, again);
        Map<String, float[][]> ort = OrtRunner.run(Files.readAllBytes(again), "image", input,
                TestModels.dims(n, model.inputShape()));
        Agreement.assertClose(model.predict(input, n).get(output), ort.get(output),
                name + " on " + backend + " re-exported");
    }

    @Test
    void theLeadingSubDivIsTheNormalisationAndFinalActivationsBecomeTheHeads() throws Exception {
        Model lenet = Onnx.importModel(resource("lenet.onnx"), TestModels.CPU);
        assertEquals(0.1307, lenet.preprocessing().mean()[0], 1e-9);
        assertEquals(0.3081, lenet.preprocessing().std()[0], 1e-9);
        assertEquals(Shape.of(1, 28, 28), lenet.inputShape());
        assertEquals(Loss.SOFTMAX_CROSS_ENTROPY, lenet.head("logits").loss());
        assertEquals("9", lenet.classNames().get(9));
        Model residual = Onnx.importModel(resource("residual.onnx"), TestModels.CPU);
        assertEquals(Loss.SOFTMAX_CROSS_ENTROPY, residual.head("probs").loss());
        Model grouped = Onnx.importModel(resource("grouped_dilated.onnx"), TestModels.CPU);
        assertEquals(Loss.SIGMOID_BINARY_CROSS_ENTROPY, grouped.head("tags").loss());
        String layers = grouped.network().summary();
        assertTrue(layers.contains("grouped_conv2d") && layers.contains("depthwise_conv2d"), layers);
    }

    @Test
    void ceilModePoolingImportsAsOurCeilModePooling() throws Exception {
        String summary = Onnx.importModel(resource("ceil_pool.onnx"), TestModels.CPU).network().summary();
        assertTrue(summary.contains("max_pool2d") && summary.contains("[2, 7, 7]"), summary);
    }

    /**
     * What the file's output holds: for an output the script calls {@code logits} (raw class scores, which import takes
     * as a class head whose predict shows their softmax) the network's output, else (a final softmax or sigmoid, which
     * became the head) what {@code predict} shows.
     */
    private static float[][] raw(Model model, String output, float[] pixels, int n) {
        if (output.equals("logits")) {
            GraphNetwork network = model.network();
            float[] inputs = model.preprocessing().apply(pixels, model.inputShape());
            float[] flat = network.forward(Map.of(network.inputNames().get(0),
                    network.backend().tensor(inputs, model.inputShape().withBatch(n))), false).get(output).toArray();
            int k = flat.length / n;
            float[][] rows = new float[n][k];
            for (int i = 0; i < n; i++) {
                System.arraycopy(flat, i * k, rows[i], 0, k);
            }
            return rows;
        }
        return model.predict(pixels, n).get(output);
    }

    private static Path resource(String name) throws Exception {
        return Path.of(OnnxPyTorchImportTest.class.getResource("/pytorch/" + name).toURI());
    }

    private static JsonNode expected(String name) throws Exception {
        try (InputStream in = Files.newInputStream(resource(name + ".json"))) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    private static float[][] rows(JsonNode array) {
        float[][] out = new float[array.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = floats(array.get(i));
        }
        return out;
    }
}
