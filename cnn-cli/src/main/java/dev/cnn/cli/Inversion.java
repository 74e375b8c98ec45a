package dev.cnn.cli;

import dev.cnn.api.model.Normalization;
import dev.cnn.api.tensor.Shape;
import java.util.Locale;

/**
 * Whether to invert an image's levels before predicting: MNIST-like models learned light strokes on a dark
 * background, while a digit drawn or photographed on paper is dark on light.
 */
enum Inversion {
    /**
     * Invert grey images when the model was trained on dark backgrounds and the image's border is light; never colour
     * images, whose light backgrounds are part of the scene rather than paper.
     */
    AUTO,
    /** Always invert. */
    ALWAYS,
    /** Never invert. */
    NEVER;

    /** The value of {@code --invert}: auto, always or never; throws {@link IllegalArgumentException} otherwise. */
    static Inversion parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--invert is auto, always or never, got '" + text + "'");
        }
    }

    /** Whether to invert {@code pixels} (in [0, 1], of {@code shape}) for a model with {@code preprocessing}. */
    boolean appliesTo(float[] pixels, Shape shape, Normalization preprocessing) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> shape.dim(0) == 1 && preprocessing.mean()[0] < 0.5 && borderMean(pixels, shape) > 0.5;
        };
    }

    /** The mean of the pixels on the outer rows and columns of every channel. */
    private static double borderMean(float[] pixels, Shape shape) {
        int channels = shape.dim(0);
        int rows = shape.dim(1);
        int cols = shape.dim(2);
        double sum = 0;
        long count = 0;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    if (y == 0 || x == 0 || y == rows - 1 || x == cols - 1) {
                        sum += pixels[(c * rows + y) * cols + x];
                        count++;
                    }
                }
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /** The image with every level {@code v} turned into {@code 1 - v}, in place. */
    static float[] invert(float[] pixels) {
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = 1f - pixels[i];
        }
        return pixels;
    }
}
