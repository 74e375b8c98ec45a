package dev.cnn.backend.cpu;

import java.util.Locale;
import java.util.Random;

/**
 * Times the selected micro-kernel alone on one thread and prints its GFLOP/s: packed panels of {@code kc} steps, and
 * {@code B} read through the tap offsets of a padded {@code channels x size x size} image as the wide convolution
 * reads it, every tile of {@code outputs} rows. A main program, not a test: {@code [kc] [channels size outputs]}.
 */
public final class MicroKernelTimings {
    private MicroKernelTimings() {
    }

    public static void main(String[] args) {
        int kc = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        Random random = new Random(1);
        MicroKernel kernel = MicroKernels.SELECTED;
        int mr = kernel.rows();
        int nr = kernel.cols();
        float[] a = TestData.uniform(random, kc * mr);
        float[] b = TestData.uniform(random, kc * nr);
        float[] c = new float[mr * nr];
        report(kernel.description() + " packed kc=" + kc, 2.0 * kc * mr * nr,
                () -> kernel.multiply(kc, a, 0, b, 0, c, 0, nr, true));
        if (args.length < 4) {
            return;
        }
        int channels = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        int outputs = Integer.parseInt(args[3]);
        int width = size + 2;
        int plane = width * width % 64 == 0 ? width * width + 16 : width * width;
        float[] image = TestData.uniform(random, channels * plane + width + nr);
        int k = channels * 9;
        int[] taps = new int[k];
        for (int ch = 0, r = 0; ch < channels; ch++) {
            for (int ki = 0; ki < 3; ki++) {
                for (int kj = 0; kj < 3; kj++) {
                    taps[r++] = ch * plane + ki * width + kj;
                }
            }
        }
        int panels = (outputs + mr - 1) / mr;
        float[] filter = TestData.uniform(random, panels * mr * k);
        int positions = (size - 1) * width + size;
        int ldw = (positions + nr - 1) / nr * nr;
        float[] wide = new float[panels * mr * ldw];
        report("image " + channels + "x" + size + "x" + size + " -> " + outputs + " (one image, one thread)",
                2.0 * k * panels * mr * ldw, () -> {
                    for (int jr = 0; jr < positions; jr += nr) {
                        for (int ir = 0; ir < panels * mr; ir += mr) {
                            kernel.multiplyOffsetB(k, filter, ir * k, image, jr, taps, wide, ir * ldw + jr, ldw, false);
                        }
                    }
                });
    }

    private static void report(String label, double flops, Runnable call) {
        int calls = (int) Math.max(1, 2e8 / flops);
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 100; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                call.run();
            }
            best = Math.min(best, (System.nanoTime() - start) / (double) calls);
        }
        System.out.printf(Locale.ROOT, "%-60s %10.1f ns a call, %6.1f GFLOP/s%n", label, best, flops / best);
    }
}
