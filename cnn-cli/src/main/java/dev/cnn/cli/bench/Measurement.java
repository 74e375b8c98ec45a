package dev.cnn.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The images per second of one backend on one benchmark case, one sample per round.
 *
 * @param kind    {@code train} or {@code infer}
 * @param model   the preset's id
 * @param input   the side of the square input images, in pixels
 * @param batch   images per batch
 * @param backend the backend's name
 * @param samples images per second, one per round
 */
public record Measurement(String kind, String model, int input, int batch, String backend, List<Double> samples) {
    /** An empty measurement, to be filled round by round. */
    public Measurement(String kind, String model, int input, int batch, String backend) {
        this(kind, model, input, batch, backend, new ArrayList<>());
    }

    /** The median over the rounds. */
    public double imagesPerSecond() {
        return Median.of(samples);
    }

    /** The one-line form, such as {@code bench train conv-20-40 cpu batch=64: 1234.5 img/s}; the input size shows when it is not 28. */
    public String line() {
        return String.format(Locale.ROOT, "bench %s %s %s batch=%d%s: %.1f img/s", kind, model, backend, batch,
                input == BenchImages.PRESET_INPUT.dim(1) ? "" : " input=" + input, imagesPerSecond());
    }

    /** Whether {@code other} measures the same case on another backend. */
    public boolean sameCase(Measurement other) {
        return kind.equals(other.kind) && model.equals(other.model) && input == other.input && batch == other.batch;
    }
}
