package dev.cnn.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's result: a row per case and backend, each with its ratio to the baseline backend on the same case. */
public final class ThroughputTable {
    private ThroughputTable() {
    }

    /**
     * The header and a row per measurement; within a case (kind, model, input, batch) the first measurement is the
     * baseline, so its ratio is 1.00x.
     */
    public static List<String> lines(List<Measurement> results) {
        int modelWidth = Math.max("model".length(), results.stream().mapToInt(r -> r.model().length()).max().orElse(0));
        int nameWidth = Math.max("backend".length(), results.stream().mapToInt(r -> r.backend().length()).max().orElse(0));
        String format = "%-5s  %-" + modelWidth + "s  %7s  %5s  %-" + nameWidth + "s  %9s  %6s";
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, format, "kind", "model", "input", "batch", "backend", "img/s", "ratio"));
        Measurement baseline = null;
        for (Measurement r : results) {
            if (baseline == null || !baseline.sameCase(r)) {
                baseline = r;
            }
            lines.add(String.format(Locale.ROOT, format, r.kind(), r.model(), r.input() + "x" + r.input(), r.batch(),
                    r.backend(), imagesPerSecond(r.imagesPerSecond()), ratio(r.imagesPerSecond(), baseline.imagesPerSecond())));
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
