package dev.cnn.datasets;

import dev.cnn.api.tensor.Shape;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Converts between images and float samples of shape {@code [C, H, W]} in [0, 1], channels planar: {@code C = 1}
 * is grey (luminance 0.299 R + 0.587 G + 0.114 B), {@code C = 3} is red, green, blue. Images of any size are resized,
 * by area averaging when shrinking and bilinearly when enlarging. Transparent pixels are composited over black.
 */
public final class ImageConverter {
    private ImageConverter() {
    }

    /** Reads an image file that {@code javax.imageio} can decode (PNG, JPEG, GIF, BMP) and converts it; see {@link ImageDecoder}. */
    public static float[] read(Path file, Shape sampleShape) throws IOException {
        checkShape(sampleShape);
        BufferedImage image = ImageDecoder.decode(file);
        return toSample(image, sampleShape);
    }

    /** The image as a sample of {@code sampleShape} ({@code [1 or 3, H, W]}). */
    public static float[] toSample(BufferedImage image, Shape sampleShape) {
        checkShape(sampleShape);
        int channels = sampleShape.dim(0);
        int rows = sampleShape.dim(1);
        int cols = sampleShape.dim(2);
        float[][] planes = planes(image, channels);
        float[] out = new float[channels * rows * cols];
        for (int c = 0; c < channels; c++) {
            float[] resized = ResampleWeights.resize(planes[c], image.getHeight(), image.getWidth(), rows, cols);
            for (int i = 0; i < resized.length; i++) {
                out[c * rows * cols + i] = Math.min(1f, Math.max(0f, resized[i]));
            }
        }
        return out;
    }

    /**
     * The sample as a picture: {@code TYPE_BYTE_GRAY} for one channel, {@code TYPE_INT_RGB} for three. Values are
     * clamped to [0, 1].
     */
    public static BufferedImage toImage(float[] sample, Shape sampleShape) {
        checkShape(sampleShape);
        if (sample.length != sampleShape.size()) {
            throw new IllegalArgumentException("a sample of shape " + sampleShape + " needs " + sampleShape.size()
                    + " values, got " + sample.length);
        }
        int channels = sampleShape.dim(0);
        int rows = sampleShape.dim(1);
        int cols = sampleShape.dim(2);
        int plane = rows * cols;
        if (channels == 1) {
            BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
            WritableRaster raster = image.getRaster();
            int[] grey = new int[plane];
            for (int i = 0; i < plane; i++) {
                grey[i] = toByte(sample[i]);
            }
            raster.setSamples(0, 0, cols, rows, 0, grey);
            return image;
        }
        BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            rgb[i] = toByte(sample[i]) << 16 | toByte(sample[plane + i]) << 8 | toByte(sample[2 * plane + i]);
        }
        image.setRGB(0, 0, cols, rows, rgb, 0, cols);
        return image;
    }

    private static int toByte(float v) {
        return Math.round(Math.min(1f, Math.max(0f, v)) * 255f);
    }

    private static void checkShape(Shape shape) {
        if (shape.rank() != 3 || (shape.dim(0) != 1 && shape.dim(0) != 3)) {
            throw new IllegalArgumentException("an image sample shape is [C, H, W] with C = 1 or 3, got " + shape);
        }
    }

    /** The image at its own size as {@code channels} planes in [0, 1]. */
    private static float[][] planes(BufferedImage image, int channels) {
        int w = image.getWidth();
        int h = image.getHeight();
        int n = w * h;
        float[][] planes = new float[channels][n];
        if (isPlainGrey(image)) {
            Raster raster = image.getRaster();
            int[] samples = raster.getSamples(0, 0, w, h, 0, new int[n]);
            float max = (1 << image.getColorModel().getComponentSize(0)) - 1;
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < n; i++) {
                    planes[c][i] = samples[i] / max;
                }
            }
            return planes;
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < n; i++) {
            int p = argb[i];
            float alpha = (p >>> 24) / 255f;
            float r = ((p >> 16) & 0xFF) / 255f * alpha;
            float g = ((p >> 8) & 0xFF) / 255f * alpha;
            float b = (p & 0xFF) / 255f * alpha;
            if (channels == 1) {
                planes[0][i] = 0.299f * r + 0.587f * g + 0.114f * b;
            } else {
                planes[0][i] = r;
                planes[1][i] = g;
                planes[2][i] = b;
            }
        }
        return planes;
    }

    /**
     * Whether the image is opaque single-band grey; its samples are then read directly, because {@code getRGB}
     * would pass them through a colour-space conversion that changes their values.
     */
    private static boolean isPlainGrey(BufferedImage image) {
        ColorModel model = image.getColorModel();
        return model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && model.getNumComponents() == 1
                && image.getRaster().getNumBands() == 1 && model.getComponentSize(0) <= 16;
    }
}
