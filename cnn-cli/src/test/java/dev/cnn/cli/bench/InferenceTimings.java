package dev.cnn.cli.bench;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.layers.ConvBatchNormFold;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.network.InferenceSlices;
import dev.cnn.api.tensor.Tensor;
import dev.cnn.models.Preset;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Times inference at batch 256 on the pure-Java backend for the presets named on the command line, in one pass
 * against 64-image slices ({@link InferenceSlices}), or with {@code relu} first, with ReLUs apart against folded into
 * the convolution before them ({@link ConvBatchNormFold#withRelu}), alternating the two in one process so that machine noise falls
 * on both, and prints each one's minimum over the calls. A main program, not a test.
 */
public final class InferenceTimings {
    private static final int BATCH = 256;
    private static final int CALLS = 15;

    private InferenceTimings() {
    }

    public static void main(String[] args) {
        Backend backend = Backends.select("cpu");
        boolean relu = args.length > 0 && args[0].equals("relu");
        for (String id : relu ? java.util.Arrays.copyOfRange(args, 1, args.length) : args) {
            System.setProperty(ConvBatchNormFold.RELU_PROPERTY, "false");
            GraphNetwork unfused = Preset.fromId(id).build(BenchImages.PRESET_INPUT, 10, backend, 1);
            System.clearProperty(ConvBatchNormFold.RELU_PROPERTY);
            GraphNetwork fused = Preset.fromId(id).build(BenchImages.PRESET_INPUT, 10, backend, 1);
            GraphNetwork net = fused;
            Random random = new Random(1);
            float[] pixels = new float[BATCH * BenchImages.PRESET_INPUT.size()];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = random.nextFloat();
            }
            Map<String, Tensor> input = Map.of(net.inputNames().get(0),
                    backend.tensor(pixels, BenchImages.PRESET_INPUT.withBatch(BATCH)));
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
            for (int i = 0; i < 2 * CALLS + 4; i++) {
                int which = i % 2;
                if (!relu) {
                    InferenceSlices.enabled = which == 1;
                }
                long start = System.nanoTime();
                (relu && which == 0 ? unfused : net).forward(input, false).values().forEach(Tensor::toArray);
                double ms = (System.nanoTime() - start) / 1e6;
                if (i >= 4) {
                    best[which] = Math.min(best[which], ms);
                }
            }
            InferenceSlices.enabled = true;
            System.out.printf(Locale.ROOT, relu
                    ? "%-16s ReLU apart %7.2f ms %6.0f img/s   ReLU folded %7.2f ms %6.0f img/s   %.2fx%n"
                    : "%-16s one pass %7.2f ms %6.0f img/s   slices of 64 %7.2f ms %6.0f img/s   %.2fx%n", id, best[0], BATCH / best[0] * 1e3, best[1], BATCH / best[1] * 1e3, best[0] / best[1]);
        }
    }
}
