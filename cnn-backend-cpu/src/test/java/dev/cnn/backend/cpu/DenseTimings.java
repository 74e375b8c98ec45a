package dev.cnn.backend.cpu;

import java.util.Locale;
import java.util.Random;

/**
 * Times the mlp's (784-100-10) dense products at batch 64 and 256, forward and both gradients, with the one-vector
 * kernel for narrow products ({@link MicroKernels#forColumns}) against the two-vector one, alternating the two in one
 * process, and prints each one's minimum over the calls. A main program, not a test.
 */
public final class DenseTimings {
    private DenseTimings() {
    }

    public static void main(String[] args) {
        Random random = new Random(1);
        for (int batch : new int[] {64, 256}) {
            for (int[] layer : new int[][] {{784, 100}, {100, 10}}) {
                int in = layer[0];
                int out = layer[1];
                float[] x = TestData.uniform(random, batch * in);
                float[] w = TestData.uniform(random, out * in);
                float[] dy = TestData.uniform(random, batch * out);
                String label = "batch " + batch + " " + in + "->" + out;
                compare(label + " forward", () -> MatMul.multiply(x, false, w, true, batch, out, in));
                compare(label + " input gradient", () -> MatMul.multiply(dy, false, w, false, batch, in, out));
                compare(label + " weight gradient", () -> MatMul.multiply(dy, true, x, false, out, in, batch));
            }
        }
    }

    private static void compare(String label, Runnable pass) {
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int i = 0; i < 2 * 200 + 20; i++) {
            int which = i % 2;
            MicroKernels.narrowTiles = which == 1;
            long start = System.nanoTime();
            pass.run();
            double us = (System.nanoTime() - start) / 1e3;
            if (i >= 20) {
                best[which] = Math.min(best[which], us);
            }
        }
        MicroKernels.narrowTiles = true;
        System.out.printf(Locale.ROOT, "%-36s 2 vectors %8.1f us   narrow %8.1f us   %.2fx%n", label, best[0], best[1],
                best[0] / best[1]);
    }
}
