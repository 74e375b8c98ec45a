package dev.cnn.api.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.tensor.Shape;
import java.util.Arrays;

/**
 * How raw pixels in {@code [0, 1]} become network inputs: {@code (x - mean[c]) / std[c]} for the pixels of channel
 * {@code c}, or one mean and std for every pixel when the arrays hold one value each. Saved with a model so that
 * prediction prepares images exactly as training did; in the model file one value is written as a plain number, as
 * files before per-channel normalisation have it.
 *
 * <p>The methods take the shape of one image ({@code [C, H, W]}) and pixels holding any number of whole images in
 * that shape.
 *
 * @param mean subtracted from the pixels, one value for all channels or one per channel
 * @param std  the pixels are divided by it, as many values as {@code mean}; positive
 */
public record Normalization(
        @JsonFormat(with = {JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED}) double[] mean,
        @JsonFormat(with = {JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED}) double[] std) {
    private static final double SMALLEST_STD = 1e-6;

    /** Checks that there are as many means as stds, that the means are numbers and the stds positive. */
    public Normalization {
        if (mean == null || std == null || mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("a normalisation needs as many means as stds, at least one, got "
                    + Arrays.toString(mean) + " and " + Arrays.toString(std));
        }
        mean = mean.clone();
        std = std.clone();
        for (int c = 0; c < mean.length; c++) {
            if (!(std[c] > 0) || !Double.isFinite(std[c]) || !Double.isFinite(mean[c])) {
                throw new IllegalArgumentException("a normalisation needs finite means and positive stds, got "
                        + Arrays.toString(mean) + " and " + Arrays.toString(std));
            }
        }
    }

    /** One mean and std for every pixel, whatever its channel. */
    public Normalization(double mean, double std) {
        this(new double[] {mean}, new double[] {std});
    }

    /** Pixels used as they are. */
    public static Normalization identity() {
        return new Normalization(0, 1);
    }

    /**
     * The mean and standard deviation of each channel of {@code data}'s images (one channel for grey images, three
     * for colour), as a network wants its inputs: about 0 and 1 per channel. A channel of one colour gets std 1.
     */
    public static Normalization fit(Dataset data) {
        Shape sample = data.sampleShape();
        int channels = sample.rank() == 3 ? sample.dim(0) : 1;
        int plane = (int) (sample.size() / channels);
        double[] sum = new double[channels];
        double[] sumOfSquares = new double[channels];
        for (int i = 0; i < data.size(); i++) {
            float[] pixels = data.features(i);
            for (int p = 0; p < pixels.length; p++) {
                float v = pixels[p];
                sum[p / plane] += v;
                sumOfSquares[p / plane] += (double) v * v;
            }
        }
        long count = (long) data.size() * plane;
        if (count == 0) {
            return identity();
        }
        double[] mean = new double[channels];
        double[] std = new double[channels];
        for (int c = 0; c < channels; c++) {
            mean[c] = sum[c] / count;
            double deviation = Math.sqrt(Math.max(0, sumOfSquares[c] / count - mean[c] * mean[c]));
            std[c] = deviation > SMALLEST_STD ? deviation : 1;
        }
        return new Normalization(mean, std);
    }

    /** {@code (x - 0.1307) / 0.3081}, or per channel {@code (x - [0.4914, 0.4822, 0.4465]) / [0.2470, 0.2435, 0.2616]}. */
    public String describe() {
        return "(x - " + format(mean) + ") / " + format(std);
    }

    private static String format(double[] values) {
        String[] parts = new String[values.length];
        for (int c = 0; c < values.length; c++) {
            parts[c] = String.format(java.util.Locale.ROOT, "%.4f", values[c]);
        }
        return values.length == 1 ? parts[0] : "[" + String.join(", ", parts) + "]";
    }

    /** How many channels it has a mean for: 1 when one value serves every channel. */
    public int channels() {
        return mean.length;
    }

    /**
     * Applies the mapping to a copy of {@code pixels}, whole images of shape {@code sample}. This is the one place
     * pixels become inputs: training data ({@link Dataset#normalized}), evaluation and prediction all go through it, so
     * a model sees the very same numbers in each.
     */
    public float[] apply(float[] pixels, Shape sample) {
        float[] out = pixels.clone();
        applyInPlace(out, sample);
        return out;
    }

    /** Applies the mapping in place to whole images of shape {@code sample}. */
    public void applyInPlace(float[] pixels, Shape sample) {
        int plane = planeOf(sample, pixels.length);
        for (int i = 0; i < pixels.length; i++) {
            int c = channelOf(i, plane);
            pixels[i] = (float) ((pixels[i] - mean[c]) / std[c]);
        }
    }

    /** Undoes the mapping in place: inputs back to pixels, as augmentation that works on pixels needs. */
    public void invertInPlace(float[] inputs, Shape sample) {
        int plane = planeOf(sample, inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            int c = channelOf(i, plane);
            inputs[i] = (float) (inputs[i] * std[c] + mean[c]);
        }
    }

    /** Checks that {@code sample} fits this normalisation; the number of pixels per channel, or 0 for one value. */
    private int planeOf(Shape sample, int length) {
        if (mean.length == 1) {
            return 0;
        }
        if (sample.rank() != 3 || sample.dim(0) != mean.length) {
            throw new IllegalArgumentException("this normalisation has " + mean.length + " channels, but the images"
                    + " have shape " + sample + "; fit one to these images with Normalization.fit(dataset)");
        }
        if (length % sample.size() != 0) {
            throw new IllegalArgumentException(length + " pixels are not whole images of shape " + sample);
        }
        return (int) (sample.size() / mean.length);
    }

    private int channelOf(int index, int plane) {
        return plane == 0 ? 0 : (index / plane) % mean.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Normalization that && Arrays.equals(mean, that.mean) && Arrays.equals(std, that.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }

    /** The means, a copy. */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** The stds, a copy. */
    @Override
    public double[] std() {
        return std.clone();
    }
}
