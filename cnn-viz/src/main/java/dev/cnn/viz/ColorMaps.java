package dev.cnn.viz;

import java.awt.image.BufferedImage;

/** Turns planes of numbers into pictures. */
public final class ColorMaps {
    private ColorMaps() {
    }

    /** Grey levels from the plane's smallest value (black) to its largest (white); all black when they are equal. */
    public static BufferedImage grey(float[] values, int offset, int rows, int cols) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < rows * cols; i++) {
            min = Math.min(min, values[offset + i]);
            max = Math.max(max, values[offset + i]);
        }
        float range = max - min;
        BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < rows * cols; i++) {
            int v = range > 0 ? Math.round((values[offset + i] - min) / range * 255) : 0;
            image.setRGB(i % cols, i / cols, v << 16 | v << 8 | v);
        }
        return image;
    }

    /** Blue for negative, white for zero, red for positive, full colour at {@code absMax}. */
    public static BufferedImage diverging(float[] values, int offset, int rows, int cols, float absMax) {
        BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < rows * cols; i++) {
            float t = absMax > 0 ? Math.max(-1f, Math.min(1f, values[offset + i] / absMax)) : 0f;
            int fade = Math.round((1 - Math.abs(t)) * 255);
            int rgb = t >= 0 ? 255 << 16 | fade << 8 | fade : fade << 16 | fade << 8 | 255;
            image.setRGB(i % cols, i / cols, rgb);
        }
        return image;
    }

    /** Three planes as red, green and blue, stretched together from their smallest to their largest value. */
    public static BufferedImage rgb(float[] values, int offset, int rows, int cols) {
        int plane = rows * cols;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < 3 * plane; i++) {
            min = Math.min(min, values[offset + i]);
            max = Math.max(max, values[offset + i]);
        }
        float range = max - min;
        BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < plane; i++) {
            int rgb = 0;
            for (int c = 0; c < 3; c++) {
                int v = range > 0 ? Math.round((values[offset + c * plane + i] - min) / range * 255) : 0;
                rgb = rgb << 8 | v;
            }
            image.setRGB(i % cols, i / cols, rgb);
        }
        return image;
    }
}
