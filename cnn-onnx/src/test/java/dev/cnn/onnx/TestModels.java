package dev.cnn.onnx;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.tensor.Shape;
import dev.cnn.models.Preset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Models for the ONNX tests: presets with batch norm statistics from training-mode passes over random images and
 * parameters moved off their initial values, so that every weight matters.
 */
final class TestModels {
    static final Backend CPU = Backends.select("cpu");
    /** The backends the ONNX checks run on: each computes what ONNX Runtime and PyTorch do. */
    static final List<String> BACKENDS = List.of("cpu", "nd4j");

    private TestModels() {
    }

    /** {@code preset} for {@code input} images, its weights and statistics made non-trivial. */
    static Model preset(Preset preset, Shape input, long seed) {
        return preset(preset, input, seed, CPU);
    }

    /** {@code preset} on {@code backend}, its weights and statistics made non-trivial. */
    static Model preset(Preset preset, Shape input, long seed, Backend backend) {
        int classes = 5;
        List<String> classNames = IntStream.range(0, classes).mapToObj(i -> "class" + i).toList();
        List<String> tagNames = List.of("red", "round", "small");
        GraphNetwork network = preset.tagged()
                ? preset.build(input, classes, tagNames.size(), backend, seed)
                : preset.build(input, classes, backend, seed);
        Normalization norm = input.dim(0) == 3
                ? new Normalization(new double[] {0.49, 0.48, 0.45}, new double[] {0.25, 0.24, 0.26})
                : new Normalization(0.1307, 0.3081);
        Model model = new Model(network, preset.heads(classNames, tagNames), norm);
        perturb(network, seed);
        return model;
    }

    /** Moves every parameter off its initial value and runs training-mode passes so batch norm has statistics. */
    static void perturb(GraphNetwork network, long seed) {
        Random random = new Random(seed);
        for (Map.Entry<String, Parameter> e : network.parameters().entrySet()) {
            Parameter p = e.getValue();
            float[] v = p.value().toArray();
            String name = e.getKey();
            for (int i = 0; i < v.length; i++) {
                if (name.endsWith(".gamma")) {
                    v[i] = 0.5f + random.nextFloat();
                } else if (name.endsWith(".beta") || name.endsWith(".bias")) {
                    v[i] = (float) (0.1 * random.nextGaussian());
                } else if (!name.endsWith(".running_mean") && !name.endsWith(".running_variance")) {
                    v[i] = v[i] * (0.8f + 0.4f * random.nextFloat());
                }
            }
            p.setValue(network.backend().tensor(v, p.shape()));
        }
        Shape input = network.inputShape();
        for (int pass = 0; pass < 3; pass++) {
            network.forward(Map.of(network.inputNames().get(0),
                    network.backend().tensor(pixels(8, input, seed + pass), input.withBatch(8))), true);
        }
    }

    /** {@code n} images of {@code shape} with pixels in [0, 1]. */
    static float[] pixels(int n, Shape shape, long seed) {
        Random random = new Random(seed);
        float[] values = new float[n * shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return values;
    }

    /** The ONNX input shape of {@code n} images. */
    static long[] dims(int n, Shape shape) {
        long[] dims = new long[shape.rank() + 1];
        dims[0] = n;
        for (int i = 0; i < shape.rank(); i++) {
            dims[i + 1] = shape.dim(i);
        }
        return dims;
    }
}
