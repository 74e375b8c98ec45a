package dev.cnn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import dev.cnn.api.tensor.Shape;
import dev.cnn.models.Preset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Ours to ONNX to ours predicts the same; and what import made exports again and runs in ONNX Runtime the same. */
class OnnxRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyPresetComesBackPredictingTheSame(Preset preset) throws Exception {
        Shape input = preset.tagged() ? Shape.of(3, 32, 32) : Shape.of(1, 28, 28);
        Model model = TestModels.preset(preset, input, 5);
        Model back = roundTrip(model);
        assertEquals(model.preprocessing(), back.preprocessing(), "normalisation");
        assertEquals(model.inputShape(), back.inputShape());
        assertSamePredictions(model, back, preset.id());
    }

    @Test
    void everyLayerTypeComesBackWithItsHeadsNamesAndThresholds() throws Exception {
        Model model = EveryLayerNet.build(8);
        Model back = roundTrip(model);
        assertEquals(model.heads(), back.heads(), "heads: names, losses, labels, thresholds");
        assertSamePredictions(model, back, "every-layer");
    }

    @Test
    void whatImportMadeExportsAgainAndRunsInOnnxRuntimeTheSame() throws Exception {
        Model model = EveryLayerNet.build(9);
        byte[] first = OnnxExport.toProto(model).toByteArray();
        Model back = roundTrip(model);
        byte[] second = OnnxExport.toProto(back).toByteArray();
        float[] pixels = TestModels.pixels(3, model.inputShape(), 4);
        long[] dims = TestModels.dims(3, model.inputShape());
        Map<String, float[][]> a = OrtRunner.run(first, "image", pixels, dims);
        Map<String, float[][]> b = OrtRunner.run(second, "image", pixels, dims);
        assertEquals(a.keySet(), b.keySet());
        for (String head : a.keySet()) {
            double d = Agreement.assertClose(a.get(head), b.get(head), "re-exported head " + head);
            System.out.printf("onnx import->export every-layer head %s: max relative difference in ONNX Runtime %.2e%n",
                    head, d);
        }
    }

    private Model roundTrip(Model model) throws Exception {
        Path file = Files.createTempFile(dir, "model", ".onnx");
        Onnx.export(model, file);
        return Onnx.importModel(file, TestModels.CPU);
    }

    private static void assertSamePredictions(Model model, Model back, String what) {
        float[] pixels = TestModels.pixels(4, model.inputShape(), 3);
        Map<String, float[][]> ours = model.predict(pixels, 4);
        Map<String, float[][]> again = back.predict(pixels, 4);
        for (Head head : model.heads()) {
            double d = Agreement.assertClose(ours.get(head.name()), again.get(head.name()), what + " head " + head.name());
            System.out.printf("onnx round trip %s head %s: max relative difference %.2e%n", what, head.name(), d);
        }
    }
}
