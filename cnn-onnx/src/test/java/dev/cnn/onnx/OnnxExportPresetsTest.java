package dev.cnn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import dev.cnn.api.tensor.Shape;
import dev.cnn.models.Preset;
import dev.cnn.api.backend.Backends;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every preset, trained on each backend, exported and run with ONNX Runtime, gives what {@link Model#predict} gives,
 * for every head.
 */
class OnnxExportPresetsTest {

    static Stream<Arguments> presetsOnEachBackend() {
        return TestModels.BACKENDS.stream()
                .flatMap(backend -> Arrays.stream(Preset.values()).map(preset -> Arguments.of(preset, backend)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("presetsOnEachBackend")
    void everyPresetRunsInOnnxRuntimeWithOurOutputs(Preset preset, String backend) throws Exception {
        Shape input = preset.tagged() || preset == Preset.RESNET_SMALL ? Shape.of(3, 32, 32) : Shape.of(1, 28, 28);
        Model model = TestModels.preset(preset, input, 7, Backends.select(backend));
        int n = 4;
        float[] pixels = TestModels.pixels(n, input, 11);
        Map<String, float[][]> ours = model.predict(pixels, n);
        byte[] onnx = OnnxExport.toProto(model).toByteArray();
        Map<String, float[][]> theirs = OrtRunner.run(onnx, OnnxExport.INPUT, pixels, TestModels.dims(n, input));
        assertEquals(ours.keySet(), theirs.keySet(), preset.id() + ": outputs");
        for (Head head : model.heads()) {
            double d = Agreement.assertClose(ours.get(head.name()), theirs.get(head.name()),
                    preset.id() + " on " + backend + " head " + head.name());
            System.out.printf("onnx export %s on %s head %s: max relative difference vs ONNX Runtime %.2e%n",
                    preset.id(), backend, head.name(), d);
        }
    }
}
