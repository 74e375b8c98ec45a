package dev.cnn.cli.bench;

import dev.cnn.api.backend.Backends;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.models.Preset;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times training (batch 64) and inference (batch 256) of the presets named on the command line on the pure-Java
 * backend with a static boolean switch of the backend off and on, alternating the two every few batches in one
 * process so that machine noise falls on both, and prints each one's median: {@code CLASS.FIELD PRESET...}, e.g.
 * {@code dev.cnn.backend.cpu.WinogradConvolution.enabled vgg-small}. A main program, not a test.
 */
public final class SwitchTimings {
    private static final int ROUNDS = 12;

    private SwitchTimings() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        String name = args[0];
        Field flag = Class.forName(name.substring(0, name.lastIndexOf('.'))).getDeclaredField(
                name.substring(name.lastIndexOf('.') + 1));
        flag.setAccessible(true);
        for (String id : Arrays.copyOfRange(args, 1, args.length)) {
            Preset preset = Preset.fromId(id);
            for (boolean train : new boolean[] {true, false}) {
                int batch = train ? 64 : 256;
                BenchImages images = BenchImages.synthetic(BenchImages.PRESET_INPUT, batch, 1);
                BackendBench bench = new BackendBench(Backends.select("cpu"), preset, images, 1,
                        OptimizerConfig.adam(BackendBench.LEARNING_RATE));
                int batches = train ? 6 : 2;
                double[][] rates = new double[2][ROUNDS];
                for (int i = 0; i < 2 * ROUNDS + 4; i++) {
                    boolean on = i % 2 == 1;
                    flag.setBoolean(null, on);
                    double rate = train ? bench.trainImagesPerSecond(batches) : bench.inferImagesPerSecond(batches);
                    if (i >= 4) {
                        rates[on ? 1 : 0][(i - 4) / 2] = rate;
                    }
                }
                flag.setBoolean(null, true);
                double off = median(rates[0]);
                double on = median(rates[1]);
                System.out.printf(Locale.ROOT, "%-16s %-5s off %8.0f img/s   on %8.0f img/s   %.2fx%n", id,
                        train ? "train" : "infer", off, on, on / off);
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[sorted.length / 2] + sorted[(sorted.length - 1) / 2]) / 2;
    }
}
