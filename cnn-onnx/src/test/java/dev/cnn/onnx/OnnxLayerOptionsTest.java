package dev.cnn.onnx;

import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layers.AvgPool2D;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.GroupedConv2D;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.Pad2D;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphNetwork;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each new layer option on its own, before a dense layer, exported and run by ONNX Runtime: the same outputs as ours. */
class OnnxLayerOptionsTest {

    static Stream<LayerConfig> options() {
        return Stream.of(Conv2D.of(3, 3).withDilation(2).withPadding(1), Conv2D.of(3, 4).withStride(2).withSamePadding(),
                Conv2D.of(3, 2).withSamePadding(), Conv2D.of(3, 3).withStride(3).withDilation(2).withSamePadding(),
                GroupedConv2D.of(4, 2, 3).withDilation(3).withPadding(2), new Pad2D(1, 0, 2, 3, -0.5f), Pad2D.zeros(1),
                MaxPool2D.of(2).withCeilMode(true), new MaxPool2D(3, 3, 2, 2, 1, 1, true),
                AvgPool2D.of(2).withCeilMode(true), new AvgPool2D(3, 3, 2, 2, 1, 1).withCountIncludePad(true),
                new AvgPool2D(3, 3, 2, 2, 1, 1).withCeilMode(true),
                new AvgPool2D(3, 3, 2, 2, 1, 1).withCeilMode(true).withCountIncludePad(true));
    }

    @ParameterizedTest
    @MethodSource("options")
    void exportRunsInOnnxRuntimeAsOurs(LayerConfig layer) throws Exception {
        GraphNetwork network = new GraphBuilder().addInput("pixels", 4, 9, 8).add("layer", layer, "pixels")
                .add("flat", new Flatten(), "layer").add("logits", Dense.of(3), "flat").setOutputs("logits")
                .optSeed(3).build(TestModels.CPU);
        Model model = new Model(network, Loss.SOFTMAX_CROSS_ENTROPY, List.of("a", "b", "c"), Normalization.identity());
        TestModels.perturb(network, 3);
        float[] pixels = TestModels.pixels(2, model.inputShape(), 4);
        Map<String, float[][]> theirs = OrtRunner.run(OnnxExport.toProto(model).toByteArray(), "image", pixels,
                TestModels.dims(2, model.inputShape()));
        float[][] ours = model.predict(pixels, 2).get("logits");
        double d = Agreement.assertClose(ours, theirs.get("logits"), layer.toString());
        System.out.printf("onnx export of %s: max relative difference vs ONNX Runtime %.2e%n", layer, d);
    }
}
