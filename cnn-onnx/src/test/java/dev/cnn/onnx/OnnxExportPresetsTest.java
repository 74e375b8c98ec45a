package dev.cnn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import dev.cnn.api.tensor.Shape;
import dev.cnn.models.Preset;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every preset, exported and run with ONNX Runtime, gives what {@link Model#predict} gives, for every head. */
class OnnxExportPresetsTest {

    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyPresetRunsInOnnxRuntimeWithOurOutputs(Preset preset) throws Exception {
        Shape input = preset.tagged() || preset == Preset.RESNET_SMALL ? Shape.of(3, 32, 32) : Shape.of(1, 28, 28);
        Model model = TestModels.preset(preset, input, 7);
        int n = 4;
        float[] pixels = TestModels.pixels(n, input, 11);
        Map<String, float[][]> ours = model.predict(pixels, n);
        byte[] onnx = OnnxExport.toProto(model).toByteArray();
        Map<String, float[][]> theirs = OrtRunner.run(onnx, OnnxExport.INPUT, pixels, TestModels.dims(n, input));
        assertEquals(ours.keySet(), theirs.keySet(), preset.id() + ": outputs");
        for (Head head : model.heads()) {
            double d = Agreement.assertClose(ours.get(head.name()), theirs.get(head.name()),
                    preset.id() + " head " + head.name());
            System.out.printf("onnx export %s head %s: max relative difference vs ONNX Runtime %.2e%n",
                    preset.id(), head.name(), d);
        }
    }
}
