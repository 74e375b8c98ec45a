package dev.cnn.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's result: median images per second per backend, and each as a ratio to the first backend's. */
public final class ThroughputTable {
    private ThroughputTable() {
    }

    /** The header and a row per backend; the first of {@code results} is the baseline, so its ratios are 1.00x. */
    public static List<String> lines(List<Throughput> results) {
        Throughput baseline = results.get(0);
        int nameWidth = Math.max("backend".length(), results.stream().mapToInt(r -> r.backend().length()).max().orElse(0));
        String format = "%-" + nameWidth + "s  %11s  %6s  %11s  %6s";
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, format, "backend", "train img/s", "ratio", "infer img/s", "ratio"));
        for (Throughput r : results) {
            lines.add(String.format(Locale.ROOT, format, r.backend(), imagesPerSecond(r.train()),
                    ratio(r.train(), baseline.train()), imagesPerSecond(r.infer()), ratio(r.infer(), baseline.infer())));
        }
        return lines;
    }

    /** {@code 1480.4} as {@code 1,480}. */
    public static String imagesPerSecond(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String ratio(double value, double baseline) {
        return String.format(Locale.ROOT, "%.2fx", value / baseline);
    }
}
